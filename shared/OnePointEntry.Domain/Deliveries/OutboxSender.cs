using Microsoft.Extensions.Logging;
using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Deliveries;

/// <summary>
/// Delivers what the <see cref="Outbox"/> recorded, one queue message per attempt. An attempt first holds the
/// delivery in storage (so that a second message for it, or a second instance, leaves it alone), then asks the
/// channel; a failure schedules the next attempt on the queue after a growing, jittered wait (never shorter than the
/// service's Retry-After), and after <see cref="DeliveryOptions.MaxAttempts"/> the delivery stays
/// <see cref="DeliveryState.DeliveryFailed"/> for an operator. The queue message itself always completes: the retry
/// is the next message, not the host's redelivery, so the waits are the outbox's own.
/// </summary>
/// <remarks>
/// Once only, also when an attempt's outcome is unknown (a timeout after the service did the work, a crash): the
/// calendar event carries a fixed <c>transactionId</c>; the Planner task is looked up by the reference its title
/// starts with; a mail is made as a draft whose id is kept before it is sent, so the next attempt sees whether it
/// went. Only the Teams card has nothing to check, and can repeat (see the README).
/// </remarks>
public sealed partial class OutboxSender(
    IDeliveryStore store,
    IDeliveryQueue queue,
    IMailbox mailbox,
    IMailSender mailSender,
    IScreeningCalendar calendar,
    IScreeningTaskBoard board,
    ITeamsNotifier teams,
    IDependencyFailureReader failures,
    DeliveryOptions options,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    // A message that comes a little before its delivery's time (clocks, the queue's rounding) is still taken.
    private static readonly TimeSpan s_earlyTolerance = TimeSpan.FromSeconds(2);

    private const int MaxErrorLength = 500;

    public async Task HandleMessageAsync(string message, CancellationToken cancellationToken)
    {
        DeliveryId id;
        try
        {
            id = DeliveryMessage.Parse(message);
        }
        catch (FormatException exception)
        {
            // Names no delivery: there is nothing to deliver, and the poison queue would only keep the noise.
            LogUnreadableMessage(logger, exception.Message);
            return;
        }

        await DeliverAsync(id, cancellationToken);
    }

    /// <summary>One attempt at the delivery, when it is due and nobody else holds it.</summary>
    /// <returns>The delivery's state after the attempt; null when no such delivery is recorded.</returns>
    public async Task<DeliveryState?> DeliverAsync(DeliveryId id, CancellationToken cancellationToken)
    {
        var delivery = await store.FindAsync(id, cancellationToken);
        if (delivery is null)
        {
            LogUnknown(logger, id.Kind, id.Subject);
            return null;
        }

        var now = time.GetUtcNow();
        if (delivery.State != DeliveryState.Pending || delivery.HeldUntil > now || delivery.NextAttemptAt > now + s_earlyTolerance)
        {
            // Delivered, failed, being attempted, or a message ahead of its time: the message that is due (or the
            // outbox's sweep, should that message be lost) comes later.
            LogNotDue(logger, id.Kind, id.Subject, delivery.State);
            return delivery.State;
        }

        var held = await store.TryUpdateAsync(delivery with { Attempts = delivery.Attempts + 1, HeldUntil = now + options.HoldTime }, cancellationToken);
        if (held is null)
        {
            LogTakenByAnother(logger, id.Kind, id.Subject);
            return delivery.State;
        }

        var progress = new StoredProgress(store, held);
        string? result;
        try
        {
            result = await SendAsync(progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(progress.Current, exception, cancellationToken);
        }

        var delivered = await SaveAsync(
            progress.Current,
            current => current with
            {
                State = DeliveryState.Delivered,
                DeliveredAt = time.GetUtcNow(),
                Result = result ?? current.Checkpoint,
                HeldUntil = null,
                NextAttemptAt = null,
                LastError = null,
                // What was delivered (addresses, the enquiry's text) is not kept once it is out.
                Mail = null,
                Booking = null,
                Task = null,
                Card = null,
            },
            cancellationToken);
        if (delivered.State == DeliveryState.Delivered)
        {
            LogDelivered(logger, id.Kind, id.Subject, delivered.Attempts);
        }

        return delivered.State;
    }

    private async Task<string?> SendAsync(StoredProgress progress, CancellationToken cancellationToken)
    {
        await SettleReplacedAsync(progress.Current, cancellationToken);
        switch (progress.Current)
        {
            case { Mail: { InReplyToMessageId: { } messageId } mail }:
                await mailbox.ReplyAsync(messageId, mail.HtmlBody, progress, cancellationToken);
                return null;
            case { Mail: { } mail }:
                await mailSender.SendAsync(mail, progress, cancellationToken);
                return null;
            case { Booking: { } booking }:
                return await BookAsync(booking, cancellationToken);
            case { Task: { } task }:
                // Planner has no idempotency key: a task can be there already only when an attempt was made before (an
                // answer lost, or failed after Planner made it; a resend keeps the last error) or it takes another's place.
                var current = progress.Current;
                return await board.CreateTaskAsync(task, mayExist: current.Attempts > 1 || current.LastError is not null || current.Replaces.Count > 0, cancellationToken);
            case { Card: { } card }:
                await teams.PostAsync(card, cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Delivery {progress.Current.Id} carries nothing to deliver.");
        }
    }

    // What this delivery takes the place of is settled first, so that the old screener's event is gone before the
    // new one's is made: one that has not gone is withdrawn (it never will), one that went is undone, and one being
    // attempted right now is waited for (this attempt fails and the next one looks again).
    private async Task SettleReplacedAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        foreach (var id in delivery.Replaces)
        {
            var replaced = await store.FindAsync(id, cancellationToken);
            if (replaced is null or { State: DeliveryState.Replaced })
            {
                continue;
            }

            if (replaced is { State: DeliveryState.Pending } && replaced.HeldUntil > time.GetUtcNow())
            {
                throw new InvalidOperationException($"Delivery {id}, which {delivery.Id} replaces, is being attempted; the next attempt looks again.");
            }

            await UndoAsync(replaced, cancellationToken);

            var settled = replaced with { State = DeliveryState.Replaced, HeldUntil = null, NextAttemptAt = null, Mail = null, Booking = null, Task = null, Card = null };
            if (await store.TryUpdateAsync(settled, cancellationToken) is null)
            {
                throw new InvalidOperationException($"Delivery {id} changed while {delivery.Id} was taking its place; the next attempt looks again.");
            }

            LogReplaced(logger, id.Kind, id.Subject, replaced.State);
        }
    }

    // A Planner task is not undone: the task that replaces it finds it by the enquiry's reference and hands it to its
    // own assignee. A Teams card stays in the channel as what was announced; the new one says what changed.
    private async Task UndoAsync(Delivery replaced, CancellationToken cancellationToken)
    {
        if (replaced.Id.Kind != DeliveryKind.ScreeningEvent || replaced.Id.Recipient is not { } screener)
        {
            return;
        }

        if (replaced is { State: DeliveryState.Delivered, Result: { } eventId })
        {
            await calendar.CancelAsync(screener, eventId, cancellationToken);
        }
        else if (replaced is { Attempts: > 0, Booking: { } booking })
        {
            // Attempted but not known to be delivered (an answer lost, a crash, or failed after Graph made it): the
            // event may be there all the same, under the booking's transactionId.
            await calendar.CancelBookingAsync(screener, booking.TransactionId, cancellationToken);
        }
    }

    // The slot is found when the event is delivered: the calendar as it is now, not when the enquiry was routed.
    private async Task<string> BookAsync(ScreeningBooking booking, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A deadline passed while the delivery waited: the first free half hour from now still puts it in front of the screener.
        var latest = booking.Deadline > now + FreeSlotFinder.SlotLength ? booking.Deadline : now.AddDays(7);
        var busy = await calendar.GetBusyAsync(booking.StaffId, new TimeInterval(now, latest), cancellationToken);
        // No free half hour before the deadline: the block goes just before it, overlapping, so the screener
        // still sees the deadline in the calendar.
        var slot = FreeSlotFinder.FindFirst(now, latest, busy) ?? new TimeInterval(latest - FreeSlotFinder.SlotLength, latest);
        return await calendar.BookAsync(
            new ScreeningAppointment(booking.StaffId, booking.Subject, booking.HtmlBody, slot.Start, slot.End, booking.TransactionId),
            cancellationToken);
    }

    private async Task<DeliveryState> FailAsync(Delivery current, Exception exception, CancellationToken cancellationToken)
    {
        var failure = failures.Read(exception);
        var error = $"{failure.Dependency}: {failure.Description ?? $"{exception.GetType().Name}: {exception.Message}"}";
        error = error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 1)] + "…";
        if (failure.Permanent || current.Attempts >= options.MaxAttempts)
        {
            var failed = await SaveAsync(current, latest => latest with { State = DeliveryState.DeliveryFailed, HeldUntil = null, NextAttemptAt = null, LastError = error }, cancellationToken);
            if (failed.State == DeliveryState.DeliveryFailed)
            {
                LogGaveUp(logger, exception, current.Id.Kind, current.Id.Subject, current.Attempts, failure.Dependency);
            }

            return failed.State;
        }

        var delay = options.DelayAfter(current.Attempts, failure.RetryAfter, Random.Shared.NextDouble());
        var released = await SaveAsync(current, latest => latest with { HeldUntil = null, NextAttemptAt = time.GetUtcNow() + delay, LastError = error }, cancellationToken);
        if (released.Attempts != current.Attempts || released.State != DeliveryState.Pending)
        {
            return released.State;
        }

        LogRetrying(logger, current.Id.Kind, current.Id.Subject, current.Attempts, failure.Dependency, exception.GetType().Name, delay);
        try
        {
            await queue.SendAsync(current.Id, delay, cancellationToken);
        }
        catch (Exception queueFailure) when (queueFailure is not OperationCanceledException)
        {
            // The outbox's sweep finds a pending delivery whose time has passed and queues it again.
            LogNotQueued(logger, current.Id.Kind, current.Id.Subject, queueFailure.GetType().Name);
        }

        return DeliveryState.Pending;
    }

    // While an attempt holds the delivery only it changes the record; a conflict means the record was read before
    // the last checkpoint, so the change is applied to the latest version, as long as that is still this attempt's.
    // An attempt that outlived its hold finds another one's (or its outcome) there and leaves it as it is.
    private async Task<Delivery> SaveAsync(Delivery current, Func<Delivery, Delivery> change, CancellationToken cancellationToken)
    {
        var attempt = current.Attempts;
        for (var tries = 0; tries < 3; tries++)
        {
            if (await store.TryUpdateAsync(change(current), cancellationToken) is { } saved)
            {
                return saved;
            }

            current = await store.FindAsync(current.Id, cancellationToken) ?? throw new InvalidOperationException($"Delivery {current.Id} disappeared while it was being delivered.");
            if (current.Attempts != attempt || current.State != DeliveryState.Pending)
            {
                LogOvertaken(logger, current.Id.Kind, current.Id.Subject, attempt, current.State);
                return current;
            }
        }

        throw new InvalidOperationException($"Delivery {current.Id} kept changing while its outcome was being saved.");
    }

    private sealed class StoredProgress(IDeliveryStore store, Delivery delivery) : IDeliveryProgress
    {
        public Delivery Current { get; private set; } = delivery;

        public string DeliveryKey => Current.Id.ToString();

        public string? Checkpoint => Current.Checkpoint;

        public async Task SaveAsync(string checkpoint, CancellationToken cancellationToken) =>
            Current = await store.TryUpdateAsync(Current with { Checkpoint = checkpoint }, cancellationToken)
                ?? throw new InvalidOperationException($"Delivery {Current.Id} changed while it was held by this attempt.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {Kind} of {Subject} (attempt {Attempts})")]
    private static partial void LogDelivered(ILogger logger, DeliveryKind kind, string subject, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Kind} of {Subject} failed on attempt {Attempts} ({Dependency}, {ErrorType}); next attempt in {Delay}")]
    private static partial void LogRetrying(ILogger logger, DeliveryKind kind, string subject, int attempts, string dependency, string errorType, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {Kind} of {Subject} failed for good after {Attempts} attempts ({Dependency}); an operator can resend it")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, DeliveryKind kind, string subject, int attempts, string dependency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The next attempt at {Kind} of {Subject} could not be queued ({ErrorType}); the sweep will queue it")]
    private static partial void LogNotQueued(ILogger logger, DeliveryKind kind, string subject, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {Kind} of {Subject} is {State} and not due; message ignored")]
    private static partial void LogNotDue(ILogger logger, DeliveryKind kind, string subject, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} at {Kind} of {Subject} outlived its hold; the delivery is {State} by another attempt and is left as it is")]
    private static partial void LogOvertaken(ILogger logger, DeliveryKind kind, string subject, int attempt, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Kind} of {Subject} ({State}) is replaced by one for someone else")]
    private static partial void LogReplaced(ILogger logger, DeliveryKind kind, string subject, DeliveryState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {Kind} of {Subject} was taken by another attempt")]
    private static partial void LogTakenByAnother(ILogger logger, DeliveryKind kind, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No delivery {Kind} of {Subject} is recorded; message ignored")]
    private static partial void LogUnknown(ILogger logger, DeliveryKind kind, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery queue message names no delivery ({Problem}); ignored")]
    private static partial void LogUnreadableMessage(ILogger logger, string problem);
}
