namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>Median, 95th percentile (nearest rank: the 19th of 20) and maximum of a series.</summary>
internal sealed record Summary(double Median, double P95, double Max)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Summary(double.NaN, double.NaN, double.NaN);
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p95 = sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
        return new Summary(median, p95, sorted[^1]);
    }
}
