using Microsoft.Extensions.Logging;

namespace OnePointEntry.Deliveries;

/// <summary>
/// The outbox's safety net, run every minute: a pending delivery whose time passed more than
/// <see cref="DeliveryOptions.OverdueAfter"/> ago without an attempt (its queue message was never sent, or was
/// lost with a crashed instance) is queued again. It reads the index of open deliveries only, so it costs what is
/// open, not what was ever sent.
/// </summary>
public sealed partial class OutboxSweep(IDeliveryStore store, IDeliveryQueue queue, DeliveryOptions options, TimeProvider time, ILogger<OutboxSweep> logger)
{
    /// <returns>How many deliveries were queued again.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        await foreach (var id in store.ListOverdueAsync(now - options.OverdueAfter, cancellationToken))
        {
            var delivery = await store.FindAsync(id, cancellationToken);
            switch (delivery)
            {
                case null or { State: DeliveryState.Delivered }:
                    await store.SetNextCheckAsync(id, null, cancellationToken);
                    break;
                case { State: DeliveryState.Pending, HeldUntil: { } heldUntil } when heldUntil > now:
                    await store.SetNextCheckAsync(id, heldUntil, cancellationToken);
                    break;
                case { State: DeliveryState.Pending, NextAttemptAt: { } next } when next > now:
                    await store.SetNextCheckAsync(id, next, cancellationToken);
                    break;
                case { State: DeliveryState.Pending }:
                    await queue.SendAsync(id, TimeSpan.Zero, cancellationToken);
                    // Not before an attempt had its time: a long queue is not a lost message.
                    await store.SetNextCheckAsync(id, now + options.HoldTime, cancellationToken);
                    LogRequeued(logger, id.Kind, id.Subject);
                    queued++;
                    break;
            }
        }

        return queued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Kind} of {Subject} was overdue without an attempt; queued again")]
    private static partial void LogRequeued(ILogger logger, DeliveryKind kind, string subject);
}
