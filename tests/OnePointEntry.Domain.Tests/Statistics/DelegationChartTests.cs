using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class DelegationChartTests
{
    [Fact]
    public void The_top_five_countries_get_a_line_each_and_the_rest_share_one()
    {
        var last = new CalendarMonth(2026, 10);
        var delegations = new List<StatisticsFact>();
        void Add(string? country, int count, DateOnly date) =>
            delegations.AddRange(Enumerable.Range(0, count).Select(_ => new StatisticsFact { Id = Guid.NewGuid().ToString(), Date = date, CountryCode = country }));
        Add("CN", 6, new DateOnly(2026, 10, 31));
        Add("DE", 5, new DateOnly(2024, 11, 1));
        Add("US", 4, new DateOnly(2025, 6, 15));
        Add("JP", 3, new DateOnly(2025, 6, 15));
        Add("KR", 2, new DateOnly(2025, 6, 15));
        Add("NO", 2, new DateOnly(2025, 7, 1));
        Add(null, 1, new DateOnly(2025, 7, 1));
        // Before the 24 months shown.
        Add("SE", 9, new DateOnly(2024, 10, 31));

        var chart = DelegationChart.Of(last, delegations);

        Assert.Equal(24, chart.Months.Count);
        Assert.Equal(new CalendarMonth(2024, 11), chart.Months[0]);
        Assert.Equal(["CN", "DE", "US", "JP", "KR", null], chart.Series.Select(series => series.CountryCode));
        Assert.Equal(6, chart.Series[0].Counts[23]);
        Assert.Equal(5, chart.Series[1].Counts[0]);
        Assert.Equal(3, chart.Series[5].Counts.Sum());
    }
}
