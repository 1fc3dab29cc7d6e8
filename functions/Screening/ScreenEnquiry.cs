using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Queues;
using OnePointEntry.Screening;

namespace OnePointEntry.Functions.Screening;

/// <summary>Screens each enquiry queued by the intake.</summary>
public sealed class ScreenEnquiry(EnquiryScreening screening)
{
    [Function(nameof(ScreenEnquiry))]
    public Task Run(
        [QueueTrigger(QueueNames.Screening)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        screening.HandleMessageAsync(message, dequeueCount, cancellationToken);
}
