namespace OnePointEntry.Bench.Pipeline;

/// <summary>Where the requests Azurite received are read from.</summary>
internal interface IStorageLog
{
    /// <summary>Whether a request's trace is known, so that it can be counted under the step that made it.</summary>
    bool HasTraces { get; }

    /// <summary>What it is, for the output.</summary>
    string Description { get; }

    /// <summary>The requests logged since the last call or <see cref="Forget"/>.</summary>
    IReadOnlyList<StorageRequest> ReadNew();

    /// <summary>Drops what was logged so far (the seed's writes) unread, at a quiet moment before a burst.</summary>
    void Forget();
}
