namespace OnePointEntry.Functions.Health;

public sealed record HealthCheckView(string Name, string Status, string Description, double DurationMs, IReadOnlyDictionary<string, object?>? Data);
