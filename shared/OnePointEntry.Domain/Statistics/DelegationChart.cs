namespace OnePointEntry.Statistics;

/// <summary>Delegations facilitated per month over the last 24 months, for the top countries and the rest.</summary>
public sealed record DelegationChart(IReadOnlyList<CalendarMonth> Months, IReadOnlyList<ChartSeries> Series)
{
    public const int MonthsShown = 24;

    /// <summary>How many countries get a line of their own; the rest share one.</summary>
    public const int TopCountries = 5;

    /// <param name="last">The last month shown.</param>
    public static DelegationChart Of(CalendarMonth last, IEnumerable<StatisticsFact> delegations)
    {
        ArgumentNullException.ThrowIfNull(delegations);
        var months = CalendarMonth.Range(last.AddMonths(1 - MonthsShown), last).ToList();
        var shown = delegations.Where(delegation => delegation.Date >= months[0].FirstDay && delegation.Date <= last.LastDay).ToList();
        var top = shown
            .Where(delegation => delegation.CountryCode is not null)
            .GroupBy(delegation => delegation.CountryCode!, StringComparer.Ordinal)
            .OrderByDescending(country => country.Count())
            .ThenBy(country => country.Key, StringComparer.Ordinal)
            .Take(TopCountries)
            .Select(country => country.Key)
            .ToList();
        int[] PerMonth(Func<StatisticsFact, bool> include) =>
            [.. months.Select(month => shown.Count(delegation => include(delegation) && month.Contains(delegation.Date)))];

        var series = top.Select(code => new ChartSeries(code, PerMonth(delegation => delegation.CountryCode == code))).ToList();
        var rest = PerMonth(delegation => delegation.CountryCode is null || !top.Contains(delegation.CountryCode));
        if (rest.Any(count => count > 0))
        {
            series.Add(new ChartSeries(null, rest));
        }

        return new DelegationChart(months, series);
    }
}
