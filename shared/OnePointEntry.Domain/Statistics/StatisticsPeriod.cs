using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OnePointEntry.Statistics;

/// <summary>The months a set of figures covers: a month, January to a month, or a whole year.</summary>
public sealed record StatisticsPeriod
{
    private StatisticsPeriod(StatisticsPeriodKind kind, CalendarMonth first, CalendarMonth last)
    {
        Kind = kind;
        First = first;
        Last = last;
    }

    public StatisticsPeriodKind Kind { get; }

    public CalendarMonth First { get; }

    public CalendarMonth Last { get; }

    /// <summary><c>2026-10</c>, <c>2026-01..2026-10</c> or <c>2026</c>.</summary>
    public string Label => Kind switch
    {
        StatisticsPeriodKind.Month => First.ToString(),
        StatisticsPeriodKind.Year => First.Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => $"{First}..{Last}",
    };

    public IEnumerable<CalendarMonth> Months => CalendarMonth.Range(First, Last);

    public static StatisticsPeriod Month(CalendarMonth month) => new(StatisticsPeriodKind.Month, month, month);

    public static StatisticsPeriod YearToDate(CalendarMonth month) => new(StatisticsPeriodKind.YearToDate, new CalendarMonth(month.Year, 1), month);

    public static StatisticsPeriod Year(int year) => new(StatisticsPeriodKind.Year, new CalendarMonth(year, 1), new CalendarMonth(year, 12));

    /// <summary>Reads <c>yyyy</c> (a year) or <c>yyyy-MM</c> (a month).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out StatisticsPeriod? period)
    {
        period = null;
        if (CalendarMonth.TryParse(text, out var month))
        {
            period = Month(month);
        }
        else if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            period = Year(year);
        }

        return period is not null;
    }

    /// <summary>The same months a year before, which growth is measured against.</summary>
    public StatisticsPeriod YearEarlier() => new(Kind, First.AddMonths(-12), Last.AddMonths(-12));

    public bool Contains(DateOnly date) => date >= First.FirstDay && date <= Last.LastDay;

    public override string ToString() => Label;
}
