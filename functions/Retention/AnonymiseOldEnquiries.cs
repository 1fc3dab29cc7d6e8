using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Retention;

namespace OnePointEntry.Functions.Retention;

/// <summary>
/// Daily at 03:00 UTC (a quiet hour in Copenhagen), anonymises the enquiries past retention
/// (<c>Retention__Months</c>), catching up over several days when many are due.
/// </summary>
public sealed class AnonymiseOldEnquiries(RetentionSweep sweep)
{
    [Function(nameof(AnonymiseOldEnquiries))]
    public Task Run([TimerTrigger("0 0 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
