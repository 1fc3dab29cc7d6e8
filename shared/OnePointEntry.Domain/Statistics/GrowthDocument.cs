namespace OnePointEntry.Statistics;

/// <summary>
/// Growth as the JSON shows it: the delegations facilitated at the top (the figure management asks for), the
/// enquiries received beside them. Fractions, null where the year-earlier count is 0.
/// </summary>
public sealed record GrowthDocument(
    double? Total,
    IReadOnlyDictionary<string, double?> ByCountry,
    IReadOnlyDictionary<string, double?> BySector,
    Growth EnquiriesReceived);
