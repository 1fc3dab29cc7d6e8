namespace OnePointEntry.Functions.Health;

/// <summary>The anonymous answer: the state only, nothing about what was checked or how.</summary>
public sealed record HealthStatusView(string Status);
