namespace Microsoft365StandIn.Faults;

/// <summary>What a fault does to one request: wait <see cref="Latency"/>, then answer <see cref="Status"/> (or go on when null).</summary>
internal sealed record FaultOutcome(int? Status, string Code, TimeSpan? RetryAfter, TimeSpan Latency);
