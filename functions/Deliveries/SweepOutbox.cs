using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Functions.Deliveries;

/// <summary>Every minute, queues again the pending deliveries whose queue message was lost.</summary>
public sealed class SweepOutbox(OutboxSweep sweep)
{
    [Function(nameof(SweepOutbox))]
    public Task Run([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.SweepAsync(cancellationToken);
}
