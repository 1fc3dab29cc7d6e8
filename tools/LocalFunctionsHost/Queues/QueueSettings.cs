namespace LocalFunctionsHost.Queues;

/// <summary>host.json <c>extensions.queues</c>, with the real host's defaults.</summary>
internal sealed record QueueSettings
{
    public static readonly QueueSettings Default = new();

    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = DefaultNewBatchThreshold(16);

    public int MaxDequeueCount { get; init; } = 5;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>False when host.json sets <c>messageEncoding</c> to <c>none</c>.</summary>
    public bool Base64Encoding { get; init; } = true;

    /// <summary>The documented default: half a batch per processor.</summary>
    public static int DefaultNewBatchThreshold(int batchSize) => batchSize / 2 * Environment.ProcessorCount;
}
