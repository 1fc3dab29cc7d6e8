using System.Globalization;
using System.Runtime.CompilerServices;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Domain.Tests.Deliveries;

/// <summary>
/// The outbox's store in memory, with the table adapter's rules: a version per save, an update of a stale
/// version refused, and an index of open deliveries (pending ones by when to look at them again, failed ones)
/// that follows every update except an attempt taking hold.
/// </summary>
internal sealed class InMemoryDeliveryStore : IDeliveryStore
{
    private readonly Dictionary<DeliveryId, Delivery> _deliveries = [];
    private readonly Dictionary<DeliveryId, (DeliveryState State, DateTimeOffset DueAt)> _index = [];
    private int _versions;

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries.Values;

    /// <summary>Every update that was saved, in order, as it was saved.</summary>
    public List<Delivery> Updates { get; } = [];

    /// <summary>When the index says to look at the delivery again; null when it is not indexed as pending.</summary>
    public DateTimeOffset? NextCheckOf(DeliveryId id) =>
        _index.TryGetValue(id, out var entry) && entry.State == DeliveryState.Pending ? entry.DueAt : null;

    public bool IsIndexed(DeliveryId id) => _index.ContainsKey(id);

    /// <summary>Stores the delivery as it is (indexed as the adapter would), and returns it with its version.</summary>
    public Delivery Put(Delivery delivery)
    {
        var stored = delivery with { Version = NextVersion() };
        _deliveries[delivery.Id] = stored;
        Index(stored);
        return stored;
    }

    public Delivery? Get(DeliveryId id) => _deliveries.GetValueOrDefault(id);

    public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        _index[delivery.Id] = (delivery.State, delivery.RecordedAt);
        if (_deliveries.ContainsKey(delivery.Id))
        {
            return Task.FromResult(false);
        }

        _deliveries[delivery.Id] = delivery with { Version = NextVersion() };
        return Task.FromResult(true);
    }

    /// <summary>How many times deliveries were recorded together, all of them at once.</summary>
    public int RecordedTogether { get; private set; }

    public Task<bool> TryAddAllAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        // As the table store: the same delivery twice among them cannot go together.
        if (deliveries.Any(delivery => _deliveries.ContainsKey(delivery.Id)) || deliveries.DistinctBy(delivery => delivery.Id).Count() != deliveries.Count)
        {
            return Task.FromResult(false);
        }

        foreach (var delivery in deliveries)
        {
            _deliveries[delivery.Id] = delivery with { Version = NextVersion() };
            _index[delivery.Id] = (delivery.State, delivery.RecordedAt);
        }

        RecordedTogether++;
        return Task.FromResult(true);
    }

    public Task<Delivery?> FindAsync(DeliveryId id, CancellationToken cancellationToken) => Task.FromResult(Get(id));

    public Task<Delivery?> TryUpdateAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Version is null)
        {
            throw new ArgumentException("Only a delivery read from the store can be updated.", nameof(delivery));
        }

        if (!_deliveries.TryGetValue(delivery.Id, out var current) || current.Version != delivery.Version)
        {
            return Task.FromResult<Delivery?>(null);
        }

        var saved = delivery with { Version = NextVersion() };
        _deliveries[delivery.Id] = saved;
        Updates.Add(saved);
        Index(saved);
        return Task.FromResult<Delivery?>(saved);
    }

    public Task<IReadOnlyList<Delivery>> ListAboutAsync(string subject, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Delivery>>([.. _deliveries.Values.Where(delivery => delivery.Id.Subject == subject)]);

    public async IAsyncEnumerable<Delivery> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        // From the index, as the table adapter reads them.
        foreach (var (id, _) in _index.Where(entry => entry.Value.State == DeliveryState.DeliveryFailed).ToList())
        {
            if (Get(id) is { State: DeliveryState.DeliveryFailed } delivery)
            {
                yield return delivery;
            }
        }
    }

    public async IAsyncEnumerable<DeliveryId> ListOverdueAsync(DateTimeOffset dueBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        // A copy: the sweep changes the index while it reads it.
        foreach (var (id, _) in _index.Where(entry => entry.Value.State == DeliveryState.Pending && entry.Value.DueAt < dueBefore).ToList())
        {
            yield return id;
        }
    }

    public Task SetNextCheckAsync(DeliveryId id, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        if (dueAt is { } due)
        {
            _index[id] = (DeliveryState.Pending, due);
        }
        else
        {
            _index.Remove(id);
        }

        return Task.CompletedTask;
    }

    private void Index(Delivery delivery)
    {
        switch (delivery)
        {
            case { State: DeliveryState.Delivered or DeliveryState.Replaced }:
                _index.Remove(delivery.Id);
                break;
            case { State: DeliveryState.DeliveryFailed } or { State: DeliveryState.Pending, HeldUntil: null }:
                _index[delivery.Id] = (delivery.State, delivery.NextAttemptAt ?? delivery.RecordedAt);
                break;
        }
    }

    private string NextVersion() => (++_versions).ToString(CultureInfo.InvariantCulture);
}
