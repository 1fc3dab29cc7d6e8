namespace OnePointEntry.Deliveries;

/// <summary>The queue the outbox's sender takes deliveries from.</summary>
public interface IDeliveryQueue
{
    /// <summary>Asks for an attempt at the delivery, not before <paramref name="delay"/> has passed.</summary>
    Task SendAsync(DeliveryId id, TimeSpan delay, CancellationToken cancellationToken);
}
