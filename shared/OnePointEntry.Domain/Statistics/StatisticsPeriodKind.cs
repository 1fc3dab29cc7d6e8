namespace OnePointEntry.Statistics;

public enum StatisticsPeriodKind
{
    Month,

    /// <summary>From January to the end of a month, as the monthly report shows beside the month.</summary>
    YearToDate,

    Year,
}
