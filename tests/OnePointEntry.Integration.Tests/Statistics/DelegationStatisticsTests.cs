using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Statistics;

namespace OnePointEntry.Integration.Tests.Statistics;

public sealed class DelegationStatisticsTests : IAsyncLifetime
{
    private static readonly CalendarMonth s_february2024 = new(2024, 2);
    private readonly StorageFixture _storage = new(seedDirectories: false);

    public async Task InitializeAsync() => await StatisticsDataSet.StoreAsync(_storage);

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    private Task<PeriodStatistics> ComputeAsync(StatisticsPeriod period) =>
        _storage.Services.CreateScope().ServiceProvider.GetRequiredService<DelegationStatistics>().ComputeAsync(period, CancellationToken.None);

    [Fact]
    public async Task February_2024_counts_the_leap_day_the_moved_visit_and_Copenhagen_midnight()
    {
        var february = await ComputeAsync(StatisticsPeriod.Month(s_february2024));

        var delegations = february.Current.DelegationsFacilitated;
        Assert.Equal(3, delegations.Total);
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 2, ["US"] = 1 }, delegations.ByCountry);
        Assert.Equal(new Dictionary<string, int> { ["private"] = 1, ["public"] = 2 }, delegations.BySector);
        Assert.Equal(new Dictionary<string, int> { ["municipal"] = 1, ["provincial"] = 1 }, delegations.ByLevel);
        Assert.Equal(new Dictionary<string, int> { ["energy-climate"] = 1, ["investment-trade"] = 1, ["sustainable-urban-development"] = 1 }, delegations.ByTheme);
        Assert.Equal(2.0 / 3, delegations.ShareByCountry["CN"]);

        // Received in February in Copenhagen: the Chinese (31 January 23:30 UTC), the American (leap day),
        // the Norwegian (declined later, still received) and the one screening could not place.
        var enquiries = february.Current.EnquiriesReceived;
        Assert.Equal(4, enquiries.Total);
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 1, ["NO"] = 1, ["US"] = 1 }, enquiries.ByCountry);
        Assert.Equal(1, enquiries.CountryNotKnown);
    }

    [Fact]
    public async Task Growth_is_against_February_2023_exactly_and_a_country_new_this_year_has_no_growth()
    {
        var february = await ComputeAsync(StatisticsPeriod.Month(s_february2024));

        Assert.Equal("2023-02", february.Previous.Period.Label);
        Assert.Equal(2, february.Previous.DelegationsFacilitated.Total);
        Assert.Equal(0.5, february.DelegationsGrowth.Total);
        Assert.Equal(0.0, february.DelegationsGrowth.ByCountry["CN"]);
        Assert.Null(february.DelegationsGrowth.ByCountry["US"]);
        Assert.Equal(1.0, february.DelegationsGrowth.BySector["public"]);
        // One imported delegation's enquiry came in on 1 February 2023.
        Assert.Equal(1, february.Previous.EnquiriesReceived.Total);
        Assert.Equal(3.0, february.EnquiriesGrowth.Total);
    }

    [Fact]
    public async Task A_month_without_delegations_is_zero_and_its_growth_from_zero_is_null()
    {
        var january = await ComputeAsync(StatisticsPeriod.Month(new CalendarMonth(2024, 1)));

        Assert.Equal(0, january.Current.DelegationsFacilitated.Total);
        Assert.Empty(january.Current.DelegationsFacilitated.ByCountry);
        Assert.Empty(january.Current.DelegationsFacilitated.ShareByCountry);
        Assert.Null(january.DelegationsGrowth.Total);
        // The leap-day delegation's enquiry, imported with the history.
        Assert.Equal(1, january.Current.EnquiriesReceived.Total);
    }

    [Fact]
    public async Task The_year_2024_against_2023_and_a_visit_called_off_does_not_count()
    {
        var year = await ComputeAsync(StatisticsPeriod.Year(2024));

        Assert.Equal(4, year.Current.DelegationsFacilitated.Total);
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 2, ["SE"] = 1, ["US"] = 1 }, year.Current.DelegationsFacilitated.ByCountry);
        Assert.Equal(4, year.Previous.DelegationsFacilitated.Total);
        Assert.Equal(0.0, year.DelegationsGrowth.Total);
        Assert.Equal(-1.0, year.DelegationsGrowth.ByCountry["DE"]);
        Assert.Equal(-1.0, year.DelegationsGrowth.ByCountry["JP"]);
        Assert.Equal(6, year.Current.EnquiriesReceived.Total);
        Assert.Equal(2, year.Previous.EnquiriesReceived.Total);
    }

    [Fact]
    public async Task The_monthly_figures_have_the_year_to_date_and_the_chart_covers_24_months()
    {
        using var scope = _storage.Services.CreateScope();
        var monthly = await scope.ServiceProvider.GetRequiredService<DelegationStatistics>().ComputeMonthAsync(new CalendarMonth(2024, 3), CancellationToken.None);

        Assert.Equal("2024-01..2024-03", monthly.YearToDate.Period.Label);
        Assert.Equal(4, monthly.YearToDate.Current.DelegationsFacilitated.Total);
        Assert.Equal(3, monthly.YearToDate.Previous.DelegationsFacilitated.Total);
        Assert.Equal(1, monthly.Month.Current.DelegationsFacilitated.Total);
        Assert.Equal(DelegationChart.MonthsShown, monthly.Chart.Months.Count);
        Assert.Equal(new CalendarMonth(2022, 4), monthly.Chart.Months[0]);
        var china = Assert.Single(monthly.Chart.Series, series => series.CountryCode == "CN");
        Assert.Equal(4, china.Counts.Sum());
        Assert.Equal(2, china.Counts[monthly.Chart.Months.ToList().IndexOf(new CalendarMonth(2024, 2))]);
        Assert.Equal(8, monthly.Chart.Series.Sum(series => series.Counts.Sum()));
        Assert.Equal("SE", Assert.Single(monthly.Delegations).CountryCode);
    }

    [Fact]
    public async Task Importing_the_same_history_again_changes_no_figure()
    {
        var before = StatisticsDocument.Of(await ComputeAsync(StatisticsPeriod.Year(2023))).ToJson();
        using (var scope = _storage.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IStatisticsStore>().ImportHistoryAsync(StatisticsDataSet.History, "history.csv", replace: false, CancellationToken.None);
        }

        Assert.Equal(before, StatisticsDocument.Of(await ComputeAsync(StatisticsPeriod.Year(2023))).ToJson());
    }
}
