using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Health;

namespace OnePointEntry.Functions.Health;

/// <summary>
/// <c>GET /api/health/details</c> (function key, for operators): storage, the Graph token, the mailbox
/// subscription and its expiry, the poison queues' lengths, each with its state, and the overall state;
/// <c>503</c> when any is unhealthy.
/// </summary>
public sealed class GetHealthDetails(HealthMonitor monitor)
{
    [Function(nameof(GetHealthDetails))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health/details")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await monitor.CheckAllAsync(cancellationToken);
        return new JsonResponse(
            report.State == HealthState.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK,
            HealthView.Of(report));
    }
}
