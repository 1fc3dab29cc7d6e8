using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Health;

namespace OnePointEntry.Functions.Health;

/// <summary>
/// <c>GET /api/health</c> (anonymous, for load balancers and uptime monitors): <c>200 {"status":"Healthy"}</c>
/// when storage answers, else <c>503 {"status":"Unhealthy"}</c>; no details, and only the cheap storage check.
/// </summary>
public sealed class GetHealth(HealthMonitor monitor)
{
    [Function(nameof(GetHealth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await monitor.CheckEssentialAsync(cancellationToken);
        var healthy = report.State != HealthState.Unhealthy;
        return new JsonResponse(
            healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            new HealthStatusView(healthy ? nameof(HealthState.Healthy) : nameof(HealthState.Unhealthy)));
    }
}
