namespace OnePointEntry.Statistics;

/// <summary>
/// How many, in total and by country, sector, level and theme. A delegation with several themes counts once
/// under each; one whose country or sector is not known counts in the total only.
/// </summary>
public sealed record Breakdown
{
    public static Breakdown Empty { get; } = Of([]);

    public required int Total { get; init; }

    /// <summary>By ISO 3166-1 alpha-2 code.</summary>
    public required IReadOnlyDictionary<string, int> ByCountry { get; init; }

    public required IReadOnlyDictionary<string, int> BySector { get; init; }

    public required IReadOnlyDictionary<string, int> ByLevel { get; init; }

    public required IReadOnlyDictionary<string, int> ByTheme { get; init; }

    public int CountryNotKnown => Total - ByCountry.Values.Sum();

    public int SectorNotKnown => Total - BySector.Values.Sum();

    /// <summary>Each country's part of the total, unrounded (0.2 is a fifth).</summary>
    public IReadOnlyDictionary<string, double> ShareByCountry => Shares(ByCountry);

    public IReadOnlyDictionary<string, double> ShareBySector => Shares(BySector);

    public static Breakdown Of(IEnumerable<StatisticsFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var total = 0;
        var byCountry = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySector = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byLevel = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byTheme = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            total++;
            Count(byCountry, fact.CountryCode);
            Count(bySector, fact.Sector);
            Count(byLevel, fact.Level);
            foreach (var theme in fact.Themes.Distinct(StringComparer.Ordinal))
            {
                Count(byTheme, theme);
            }
        }

        return new Breakdown { Total = total, ByCountry = byCountry, BySector = bySector, ByLevel = byLevel, ByTheme = byTheme };
    }

    private static void Count(SortedDictionary<string, int> counts, string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private SortedDictionary<string, double> Shares(IReadOnlyDictionary<string, int> counts) =>
        new(Total == 0 ? [] : counts.ToDictionary(count => count.Key, count => (double)count.Value / Total), StringComparer.Ordinal);
}
