using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Screening;

namespace OnePointEntry.Functions.Screening;

/// <summary>
/// Every five minutes, queues again the enquiries stored more than five minutes ago and still not screened: one
/// waits at most ten minutes for the sweep.
/// </summary>
public sealed class RequeueStalledEnquiries(ScreeningSweep sweep)
{
    [Function(nameof(RequeueStalledEnquiries))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RequeueStalledAsync(cancellationToken);
}
