namespace OnePointEntry.Infrastructure.Directories;

/// <summary>
/// A list read from storage and kept for <c>freshness</c>: every caller within that time gets the same list, and
/// when it is stale one read is made and shared by every caller that comes meanwhile, rather than one read each.
/// <see cref="Forget"/> makes the next caller read, also when a read that began before it is still under way.
/// </summary>
/// <typeparam name="T">An entry of the list.</typeparam>
internal sealed class FreshList<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> read, TimeSpan freshness, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Snapshot? _kept;
    private int _generation;
    private Task<Snapshot>? _reading;
    private int _readingGeneration;

    public async Task<IReadOnlyList<T>> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } kept)
        {
            return kept;
        }

        Task<Snapshot> reading;
        lock (_gate)
        {
            var generation = Volatile.Read(ref _generation);
            if (_reading is null || _reading.IsCompleted || _readingGeneration != generation)
            {
                // Shared by callers that did not start it, so it runs to its end whoever of them gives up waiting.
                _reading = ReadAsync(generation);
                _readingGeneration = generation;
            }

            reading = _reading;
        }

        return (await reading.WaitAsync(cancellationToken)).Items;
    }

    /// <summary>The list changed (this process wrote it): the next caller reads it again.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    private async Task<Snapshot> ReadAsync(int generation)
    {
        var readAt = time.GetTimestamp();
        var items = await read(CancellationToken.None);
        var snapshot = new Snapshot(items, readAt, generation);
        Volatile.Write(ref _kept, snapshot);
        return snapshot;
    }

    private IReadOnlyList<T>? Fresh() =>
        Volatile.Read(ref _kept) is { } kept && kept.Generation == Volatile.Read(ref _generation) && time.GetElapsedTime(kept.ReadAt) < freshness
            ? kept.Items
            : null;

    private sealed record Snapshot(IReadOnlyList<T> Items, long ReadAt, int Generation);
}
