using OnePointEntry.Health;

namespace OnePointEntry.Functions.Health;

/// <summary>What <c>GET /api/health/details</c> shows: the overall state and each check, states as words.</summary>
public sealed record HealthView(string Status, DateTimeOffset CheckedAt, IReadOnlyList<HealthCheckView> Checks)
{
    public static HealthView Of(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.State.ToString(),
            report.CheckedAt,
            [.. report.Checks.Select(check => new HealthCheckView(check.Name, check.State.ToString(), check.Description, Math.Round(check.Duration.TotalMilliseconds), check.Data))]);
    }
}
