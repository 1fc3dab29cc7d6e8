using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class StatisticsPeriodTests
{
    [Theory]
    [InlineData("2026", "2026", "2025")]
    [InlineData("2026-10", "2026-10", "2025-10")]
    [InlineData("2024-02", "2024-02", "2023-02")]
    public void A_year_or_a_month_is_compared_with_the_same_period_a_year_earlier(string text, string label, string earlier)
    {
        Assert.True(StatisticsPeriod.TryParse(text, out var period));
        Assert.Equal(label, period.Label);
        Assert.Equal(earlier, period.YearEarlier().Label);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("26")]
    [InlineData("2026-00")]
    [InlineData("")]
    [InlineData("+202")]
    [InlineData("2026/10")]
    public void Anything_else_is_not_a_period(string text) => Assert.False(StatisticsPeriod.TryParse(text, out _));

    [Fact]
    public void The_leap_day_belongs_to_February_2024_whose_year_earlier_has_28_days()
    {
        var february = StatisticsPeriod.Month(new CalendarMonth(2024, 2));

        Assert.True(february.Contains(new DateOnly(2024, 2, 29)));
        Assert.False(february.Contains(new DateOnly(2024, 3, 1)));
        Assert.Equal(new DateOnly(2023, 2, 28), february.YearEarlier().Last.LastDay);
    }

    [Fact]
    public void The_year_to_date_runs_from_January_to_the_month()
    {
        var period = StatisticsPeriod.YearToDate(new CalendarMonth(2026, 10));

        Assert.Equal("2026-01..2026-10", period.Label);
        Assert.Equal(10, period.Months.Count());
        Assert.Equal("2025-01..2025-10", period.YearEarlier().Label);
    }

    [Fact]
    public void Months_cross_the_year_both_ways() =>
        Assert.Equal([new CalendarMonth(2025, 11), new CalendarMonth(2025, 12), new CalendarMonth(2026, 1)], CalendarMonth.Range(new CalendarMonth(2026, 1).AddMonths(-2), new CalendarMonth(2026, 1)));
}
