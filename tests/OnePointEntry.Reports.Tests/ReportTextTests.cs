using OnePointEntry.Statistics;

namespace OnePointEntry.Reports.Tests;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(51, 56, "+9.8%")]
    [InlineData(0, 3, "new")]
    [InlineData(0, 0, "–")]
    [InlineData(8, 7, "−12.5%")]
    [InlineData(4, 4, "0.0%")]
    public void Growth_is_rounded_only_when_shown(int earlier, int now, string shown) =>
        Assert.Equal(shown, ReportText.Growth(Growth.Fraction(earlier, now), now));

    [Theory]
    [InlineData(51, 56, "56 delegations facilitated, up 9.8% from 51 in October 2025")]
    [InlineData(8, 7, "7 delegations facilitated, down 12.5% from 8 in October 2025")]
    [InlineData(0, 3, "3 delegations facilitated, against none in October 2025")]
    [InlineData(5, 5, "5 delegations facilitated, the same as in October 2025")]
    [InlineData(0, 1, "1 delegation facilitated, against none in October 2025")]
    [InlineData(0, 0, "0 delegations facilitated, none in October 2025 either")]
    public void Headlines_read_as_management_writes_them(int earlier, int now, string headline) =>
        Assert.Equal(headline, ReportText.Headline(Measure.DelegationsFacilitated, now, earlier, StatisticsPeriod.Month(new CalendarMonth(2025, 10))));

    [Fact]
    public void Periods_are_named_in_words()
    {
        Assert.Equal("January–October 2026", ReportText.PeriodName(StatisticsPeriod.YearToDate(new CalendarMonth(2026, 10))));
        Assert.Equal("January 2026", ReportText.PeriodName(StatisticsPeriod.YearToDate(new CalendarMonth(2026, 1))));
        Assert.Equal("2024", ReportText.PeriodName(StatisticsPeriod.Year(2024)));
    }

    [Fact]
    public void Codes_get_their_English_names() =>
        Assert.Equal(("China", "Water and environment", "Other countries"), (ReportText.Default.CountryName("CN"), ReportText.Default.ThemeName("water-environment"), ReportText.Default.CountryName(null)));
}
