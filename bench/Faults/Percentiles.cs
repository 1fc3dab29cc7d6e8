namespace OnePointEntry.Bench.Faults;

/// <summary>Nearest-rank percentiles of a series (p95 of 20 values is the 19th).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Describe(IEnumerable<double> values, string unit)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0
            ? "none"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p50 {Of(sorted, 50):0}{unit}, p95 {Of(sorted, 95):0}{unit}, p99 {Of(sorted, 99):0}{unit}, max {sorted[^1]:0}{unit} (n = {sorted.Count})");
    }
}
