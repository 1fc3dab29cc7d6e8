namespace OnePointEntry.Statistics;

/// <summary>A year's figures against the year before, and the chart of those 24 months.</summary>
public sealed record YearlyStatistics(PeriodStatistics Year, DelegationChart Chart);
