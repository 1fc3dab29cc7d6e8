using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Screening;

namespace OnePointEntry.Functions.Screening;

/// <summary>Every ten minutes, queues again the enquiries that were stored but are still not screened.</summary>
public sealed class RequeueStalledEnquiries(ScreeningSweep sweep)
{
    [Function(nameof(RequeueStalledEnquiries))]
    public Task Run([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RequeueStalledAsync(cancellationToken);
}
