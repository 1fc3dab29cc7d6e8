using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Screening;

/// <summary>
/// Re-queues enquiries that were stored but never screened, e.g. when the queue was unreachable right after
/// the enquiry was stored. Safe to run at any time: screening ignores a second message for an enquiry.
/// </summary>
public sealed partial class ScreeningSweep(IEnquiryStore store, IScreeningQueue screeningQueue, TimeProvider time, ILogger<ScreeningSweep> logger)
{
    /// <summary>How long an enquiry may wait for screening before it is queued again.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public async Task<int> RequeueStalledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var requeued = 0;
        foreach (var month in CopenhagenTime.ThisAndLastMonth(now))
        {
            await foreach (var enquiry in store.ListAsync(month, EnquiryStatus.Received, cancellationToken))
            {
                if (enquiry.ReceivedAt > now - Patience)
                {
                    continue;
                }

                await screeningQueue.SendAsync(enquiry.Reference, cancellationToken);
                LogRequeued(logger, enquiry.Reference);
                requeued++;
            }
        }

        return requeued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enquiry {Reference} was still waiting for screening; queued again")]
    private static partial void LogRequeued(ILogger logger, EnquiryReference reference);
}
