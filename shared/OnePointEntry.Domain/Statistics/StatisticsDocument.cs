using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePointEntry.Statistics;

/// <summary>
/// The figures as JSON, the same from <c>GET /api/statistics/{period}</c>, the tool's <c>stats --json</c> and
/// the stored report: one shape, one serializer, so they can be compared byte for byte.
/// </summary>
public sealed record StatisticsDocument(
    string Period,
    Breakdown DelegationsFacilitated,
    Breakdown EnquiriesReceived,
    PreviousFiguresDocument Previous,
    GrowthDocument Growth)
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>January to the month, for a month's figures; absent for a year.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatisticsDocument? YearToDate { get; init; }

    public static StatisticsDocument Of(PeriodStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var delegations = statistics.DelegationsGrowth;
        return new StatisticsDocument(
            statistics.Period.Label,
            statistics.Current.DelegationsFacilitated,
            statistics.Current.EnquiriesReceived,
            new PreviousFiguresDocument(statistics.Previous.Period.Label, statistics.Previous.DelegationsFacilitated, statistics.Previous.EnquiriesReceived),
            new GrowthDocument(delegations.Total, delegations.ByCountry, delegations.BySector, statistics.EnquiriesGrowth));
    }

    public static StatisticsDocument Of(MonthlyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Of(statistics.Month) with { YearToDate = Of(statistics.YearToDate) };
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_options);
}
