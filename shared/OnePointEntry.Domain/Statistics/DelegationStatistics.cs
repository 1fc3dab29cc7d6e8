namespace OnePointEntry.Statistics;

/// <summary>Computes the figures from the stored enquiries and delegations; nothing is ever typed in.</summary>
public sealed class DelegationStatistics(IStatisticsStore store)
{
    /// <summary>A month's or a year's figures with the year-earlier comparison.</summary>
    public async Task<PeriodStatistics> ComputeAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (delegations, enquiries) = await ReadAsync(period.YearEarlier().First, period.Last, cancellationToken);
        return PeriodStatistics.Of(period, delegations, enquiries);
    }

    /// <summary>A year against the one before; the same read gives the chart of those 24 months.</summary>
    public async Task<YearlyStatistics> ComputeYearAsync(int year, CancellationToken cancellationToken)
    {
        var period = StatisticsPeriod.Year(year);
        var (delegations, enquiries) = await ReadAsync(period.YearEarlier().First, period.Last, cancellationToken);
        return new YearlyStatistics(PeriodStatistics.Of(period, delegations, enquiries), DelegationChart.Of(period.Last, delegations));
    }

    /// <summary>
    /// The monthly report's figures. Two reads cover everything: the chart's 24 months of delegations include
    /// the year-earlier months of the year to date, since January of last year is never more than 23 months back.
    /// </summary>
    public async Task<MonthlyStatistics> ComputeMonthAsync(CalendarMonth month, CancellationToken cancellationToken)
    {
        var yearToDate = StatisticsPeriod.YearToDate(month);
        var chartStart = month.AddMonths(1 - DelegationChart.MonthsShown);
        var earliest = yearToDate.YearEarlier().First;
        var delegations = await store.ListDelegationsAsync(chartStart < earliest ? chartStart : earliest, month, cancellationToken);
        var enquiries = await store.ListEnquiriesAsync(earliest, month, cancellationToken);
        return new MonthlyStatistics(
            PeriodStatistics.Of(StatisticsPeriod.Month(month), delegations, enquiries),
            PeriodStatistics.Of(yearToDate, delegations, enquiries),
            DelegationChart.Of(month, delegations),
            [.. delegations.Where(delegation => month.Contains(delegation.Date)).OrderBy(delegation => delegation.Date).ThenBy(delegation => delegation.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Both measures over the same months: a period and its year earlier, read together.</summary>
    private async Task<(IReadOnlyList<StatisticsFact> Delegations, IReadOnlyList<StatisticsFact> Enquiries)> ReadAsync(
        CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken) =>
        (await store.ListDelegationsAsync(first, last, cancellationToken), await store.ListEnquiriesAsync(first, last, cancellationToken));
}
