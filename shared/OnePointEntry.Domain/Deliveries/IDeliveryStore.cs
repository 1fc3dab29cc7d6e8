namespace OnePointEntry.Deliveries;

/// <summary>Where deliveries are recorded (Table Storage in production).</summary>
public interface IDeliveryStore
{
    /// <summary>Records a new delivery; false when one with the same id is recorded already (which is kept as it is).</summary>
    Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Records new deliveries about one subject together, in fewer requests than one by one: all of them, or none
    /// (false) when any is recorded already or they cannot go together (the same one twice among them, too many for
    /// one request). After false the caller adds each with
    /// <see cref="TryAddAsync"/>, which keeps whatever was recorded before. The index of open deliveries is written
    /// after the deliveries, as <see cref="TryAddAsync"/> writes it.
    /// </summary>
    Task<bool> TryAddAllAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    Task<Delivery?> FindAsync(DeliveryId id, CancellationToken cancellationToken);

    /// <summary>Saves a changed delivery unless someone changed it since it was read; null then, else the delivery saved (with its new version).</summary>
    Task<Delivery?> TryUpdateAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Every delivery about one subject (an enquiry's acknowledgement, event, task and card): a handful, read at once.</summary>
    Task<IReadOnlyList<Delivery>> ListAboutAsync(string subject, CancellationToken cancellationToken);

    /// <summary>The deliveries in <see cref="DeliveryState.DeliveryFailed"/>, from an index of them alone.</summary>
    IAsyncEnumerable<Delivery> ListFailedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The pending deliveries that should have been attempted before <paramref name="dueBefore"/>,
    /// from the index of open deliveries: as many as are open, never as many as were ever recorded.
    /// </summary>
    IAsyncEnumerable<DeliveryId> ListOverdueAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);

    /// <summary>When to look at a pending delivery again should no attempt come; null takes it out of the index.</summary>
    Task SetNextCheckAsync(DeliveryId id, DateTimeOffset? dueAt, CancellationToken cancellationToken);
}
