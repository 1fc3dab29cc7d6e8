namespace OnePointEntry.Health;

/// <summary>The app's health: the worst state of its checks, and each check.</summary>
public sealed record HealthReport(HealthState State, DateTimeOffset CheckedAt, IReadOnlyList<HealthCheckEntry> Checks)
{
    public static HealthState Worst(IEnumerable<HealthState> states) =>
        states.DefaultIfEmpty(HealthState.Healthy).Max();
}
