namespace OnePointEntry.Deliveries;

/// <summary>
/// What a channel may keep between the steps of one delivery (a mail draft made, then sent), so that an attempt
/// after a crash or a lost answer can tell what the last one did.
/// </summary>
public interface IDeliveryProgress
{
    /// <summary>The delivery's id as text: the same on every attempt, for a channel's own idempotency key or header.</summary>
    string DeliveryKey { get; }

    /// <summary>What an earlier attempt kept; null on the first.</summary>
    string? Checkpoint { get; }

    /// <summary>Keeps <paramref name="checkpoint"/> in storage before the step that depends on it.</summary>
    Task SaveAsync(string checkpoint, CancellationToken cancellationToken);
}
