using OnePointEntry.Enquiries;

namespace OnePointEntry.Routing;

/// <summary>
/// An operator's second try at routing an enquiry whose routing failed: back to Screened (audited, with who
/// asked) and onto the routing queue, which skips whatever steps had succeeded.
/// </summary>
public sealed class RoutingRequeue(EnquiryStatusUpdate statusUpdate, IRoutingQueue routingQueue)
{
    public async Task<StatusUpdateResult> RequeueAsync(EnquiryReference reference, string requestedBy, CancellationToken cancellationToken)
    {
        var result = await statusUpdate.ChangeAsync(reference, EnquiryStatus.Screened, requestedBy, "Routing queued again by an operator", visitDate: null, cancellationToken);
        if (result.Outcome is StatusUpdateOutcome.Changed or StatusUpdateOutcome.Unchanged && result.Enquiry is { Status: EnquiryStatus.Screened })
        {
            await routingQueue.SendAsync(reference, cancellationToken);
        }

        return result;
    }
}
