using Microsoft.Extensions.Logging;

namespace OnePointEntry.Deliveries;

/// <summary>
/// Where the steps that decide a message to the outside world leave it: recorded in storage, then queued for the
/// <see cref="OutboxSender"/>. The step answers as soon as that is done, whatever Microsoft 365 is doing. Recording
/// the same delivery again (a repeated step) records nothing new and only makes sure a pending one is queued; one
/// that was <see cref="DeliveryState.Replaced"/> since (a screening moved away and back) is recorded anew. A step's
/// deliveries about one subject (routing's event, task and card) are recorded together, in as few requests as the
/// store allows; when some of them are recorded already (a repeated step), each is recorded on its own as above.
/// </summary>
public sealed partial class Outbox(IDeliveryStore store, IDeliveryQueue queue, TimeProvider time, ILogger<Outbox> logger)
{
    public async Task RecordAsync(IEnumerable<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var about in deliveries.GroupBy(delivery => delivery.Id.Subject, StringComparer.Ordinal))
        {
            var all = about.ToList();
            if (all.Count > 1 && await store.TryAddAllAsync(all, cancellationToken))
            {
                foreach (var delivery in all)
                {
                    LogRecorded(logger, delivery.Id.Kind, delivery.Id.Subject);
                    await queue.SendAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
                }

                continue;
            }

            // Some were recorded by an earlier run of the same step (or they could not go together): each on its own,
            // so that what is recorded already is kept and only what is missing is added.
            foreach (var delivery in all)
            {
                await RecordOneAsync(delivery, cancellationToken);
            }
        }
    }

    private async Task RecordOneAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (await store.TryAddAsync(delivery, cancellationToken))
        {
            LogRecorded(logger, delivery.Id.Kind, delivery.Id.Subject);
            await queue.SendAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
            return;
        }

        // Recorded by an earlier run of the same step, which may have stopped before it indexed the delivery or
        // queued it: a pending one is indexed again, and queued when it is due and nobody holds it.
        var recorded = await store.FindAsync(delivery.Id, cancellationToken);
        if (recorded is { State: DeliveryState.Replaced })
        {
            // A conflict means another run of the same step renewed it first.
            if (await store.TryUpdateAsync(delivery with { Version = recorded.Version }, cancellationToken) is not null)
            {
                LogRecordedAgain(logger, delivery.Id.Kind, delivery.Id.Subject);
                await queue.SendAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
            }

            return;
        }

        if (recorded is not { State: DeliveryState.Pending })
        {
            return;
        }

        var due = recorded.NextAttemptAt ?? recorded.RecordedAt;
        await store.SetNextCheckAsync(delivery.Id, recorded.HeldUntil is { } held && held > due ? held : due, cancellationToken);
        if (recorded.HeldUntil is null && due <= time.GetUtcNow())
        {
            await queue.SendAsync(delivery.Id, TimeSpan.Zero, cancellationToken);
        }
    }

    /// <summary>The deliveries about one enquiry or report, for the people looking at it.</summary>
    public Task<IReadOnlyList<Delivery>> ListAboutAsync(string subject, CancellationToken cancellationToken) =>
        store.ListAboutAsync(subject, cancellationToken);

    public IAsyncEnumerable<Delivery> ListFailedAsync(CancellationToken cancellationToken) => store.ListFailedAsync(cancellationToken);

    /// <summary>
    /// An operator's resend of a failed delivery: pending again with a fresh count of attempts, and queued. A
    /// delivery that is not failed is left as it is and returned, so a resend pressed twice sends once.
    /// </summary>
    /// <returns>The delivery after the request (null when there is none with that id), and whether it was resent.</returns>
    public async Task<(Delivery? Delivery, bool Resent)> ResendAsync(DeliveryId id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var delivery = await store.FindAsync(id, cancellationToken);
            if (delivery is not { State: DeliveryState.DeliveryFailed })
            {
                return (delivery, false);
            }

            var resent = delivery with { State = DeliveryState.Pending, Attempts = 0, NextAttemptAt = null, HeldUntil = null };
            if (await store.TryUpdateAsync(resent, cancellationToken) is { } saved)
            {
                LogResent(logger, id.Kind, id.Subject);
                await queue.SendAsync(id, TimeSpan.Zero, cancellationToken);
                return (saved, true);
            }
        }

        throw new InvalidOperationException($"Delivery {id} kept changing while it was being resent; try again.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Kind} of {Subject} recorded and queued")]
    private static partial void LogRecorded(ILogger logger, DeliveryKind kind, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Kind} of {Subject} had been replaced and is recorded and queued anew")]
    private static partial void LogRecordedAgain(ILogger logger, DeliveryKind kind, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Kind} of {Subject} resent by an operator")]
    private static partial void LogResent(ILogger logger, DeliveryKind kind, string subject);
}
