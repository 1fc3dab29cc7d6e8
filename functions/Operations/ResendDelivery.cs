using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Deliveries;
using OnePointEntry.Functions.Deliveries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Operations;

/// <summary>
/// <c>POST /api/operations/deliveries/{id}/resend</c> (function key): a failed delivery is tried again from the
/// start of its attempts; <c>202</c> with the delivery. A delivery that has not failed is left alone (<c>200</c>),
/// so pressing resend twice sends once.
/// </summary>
public sealed class ResendDelivery(Outbox outbox)
{
    [Function(nameof(ResendDelivery))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "operations/deliveries/{id}/resend")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!DeliveryId.TryParse(id, out var parsed))
        {
            return Problems.InvalidDeliveryId();
        }

        var (delivery, resent) = await outbox.ResendAsync(parsed, cancellationToken);
        return delivery is null
            ? Problems.DeliveryNotFound()
            : new JsonResponse(resent ? StatusCodes.Status202Accepted : StatusCodes.Status200OK, DeliveryView.Of(delivery));
    }
}
