using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Deliveries;
using OnePointEntry.Functions.Deliveries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Operations;

/// <summary>
/// <c>GET /api/operations/deliveries</c> (function key): the deliveries that failed after every attempt, for an
/// operator to resend; <c>?subject=OPE-2611-7K3F</c> (or <c>report-2026-11</c>): every delivery about one enquiry or
/// report, whatever its state.
/// </summary>
public sealed class ListDeliveries(Outbox outbox)
{
    [Function(nameof(ListDeliveries))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/deliveries")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var subject = request.Query["subject"].FirstOrDefault();
        if (subject is null)
        {
            var failed = await outbox.ListFailedAsync(cancellationToken).Select(DeliveryView.Of).ToListAsync(cancellationToken);
            return new JsonResponse(StatusCodes.Status200OK, failed);
        }

        if (!DeliveryId.IsSubject(subject))
        {
            return Problems.InvalidDeliveryId();
        }

        var about = await outbox.ListAboutAsync(subject, cancellationToken);
        return new JsonResponse(StatusCodes.Status200OK, about.Select(DeliveryView.Of).ToList());
    }
}
