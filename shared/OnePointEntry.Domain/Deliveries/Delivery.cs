using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Deliveries;

/// <summary>
/// One message to the outside world (a mail, a calendar event, a Planner task, a Teams card), recorded in storage
/// by the step that decides it and delivered by the outbox's sender, with retries, once. Exactly one of
/// <see cref="Mail"/>, <see cref="Booking"/>, <see cref="Task"/> and <see cref="Card"/> is set, as
/// <see cref="DeliveryId.Kind"/> says. What it carries is dropped once it is delivered: the record keeps the
/// outcome, not the personal data.
/// </summary>
public sealed record Delivery
{
    public required DeliveryId Id { get; init; }

    public DeliveryState State { get; init; } = DeliveryState.Pending;

    public OutgoingMail? Mail { get; init; }

    public ScreeningBooking? Booking { get; init; }

    public ScreeningTask? Task { get; init; }

    public TeamsCard? Card { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Attempts started, the one running included.</summary>
    public int Attempts { get; init; }

    /// <summary>Not before this time may the next attempt start (after a failure, or while one runs).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Until when the attempt that started holds the delivery: another sender leaves it alone until then.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>The last failure: the dependency, the error's type and message, never personal data.</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// What the channel kept of an attempt whose outcome must be checked before another (the id of a mail draft),
    /// so that an attempt after a lost answer finishes the first one instead of starting a second.
    /// </summary>
    public string? Checkpoint { get; init; }

    /// <summary>What the outside world named the delivered thing: the event's or the task's id.</summary>
    public string? Result { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>
    /// The deliveries this one takes the place of (a screener's event and task when the screening moves to
    /// another): before it is attempted, each is withdrawn if it has not gone, or undone if it has.
    /// </summary>
    public IReadOnlyList<DeliveryId> Replaces { get; init; } = [];

    /// <summary>The store's concurrency token of the version read; null before it is stored.</summary>
    public string? Version { get; init; }

    public static Delivery OfMail(DeliveryId id, OutgoingMail mail, DateTimeOffset now) => new() { Id = id, Mail = mail, RecordedAt = now };

    public static Delivery OfBooking(DeliveryId id, ScreeningBooking booking, DateTimeOffset now) => new() { Id = id, Booking = booking, RecordedAt = now };

    public static Delivery OfTask(DeliveryId id, ScreeningTask task, DateTimeOffset now) => new() { Id = id, Task = task, RecordedAt = now };

    public static Delivery OfCard(DeliveryId id, TeamsCard card, DateTimeOffset now) => new() { Id = id, Card = card, RecordedAt = now };
}
