namespace OnePointEntry.Statistics;

/// <summary>What the monthly report shows: the month, January to the month, the chart and the month's delegations.</summary>
public sealed record MonthlyStatistics(PeriodStatistics Month, PeriodStatistics YearToDate, DelegationChart Chart, IReadOnlyList<StatisticsFact> Delegations);
