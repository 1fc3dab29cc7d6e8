namespace OnePointEntry.Statistics;

/// <summary>
/// Year-over-year change as a fraction of the earlier count (51 → 56 is 0.0980…), never rounded here. Null
/// where the earlier count is 0: growth from nothing is "new", not infinity.
/// </summary>
public sealed record Growth
{
    public required double? Total { get; init; }

    /// <summary>For every country counted in either period; -1 for one that had delegations only a year earlier.</summary>
    public required IReadOnlyDictionary<string, double?> ByCountry { get; init; }

    public required IReadOnlyDictionary<string, double?> BySector { get; init; }

    public static double? Fraction(int earlier, int now) => earlier == 0 ? null : (double)(now - earlier) / earlier;

    public static Growth Between(Breakdown earlier, Breakdown now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(now);
        return new Growth
        {
            Total = Fraction(earlier.Total, now.Total),
            ByCountry = Compare(earlier.ByCountry, now.ByCountry),
            BySector = Compare(earlier.BySector, now.BySector),
        };
    }

    private static SortedDictionary<string, double?> Compare(IReadOnlyDictionary<string, int> earlier, IReadOnlyDictionary<string, int> now) =>
        new(earlier.Keys.Union(now.Keys).ToDictionary(key => key, key => Fraction(earlier.GetValueOrDefault(key), now.GetValueOrDefault(key))), StringComparer.Ordinal);
}
