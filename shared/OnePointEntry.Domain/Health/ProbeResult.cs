namespace OnePointEntry.Health;

/// <summary>What one check found, in words an operator reads, with figures where there are any; never secrets.</summary>
public sealed record ProbeResult(HealthState State, string Description, IReadOnlyDictionary<string, object?>? Data = null);
