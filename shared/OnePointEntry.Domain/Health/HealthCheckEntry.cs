namespace OnePointEntry.Health;

/// <summary>One check's result as reported, with how long it took.</summary>
public sealed record HealthCheckEntry(string Name, HealthState State, string Description, TimeSpan Duration, IReadOnlyDictionary<string, object?>? Data);
