namespace OnePointEntry.Statistics;

/// <summary>The monthly reports delivered, one per month.</summary>
public interface IMonthlyReportLog
{
    Task<MonthlyReportRecord?> FindAsync(CalendarMonth month, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the month's record.</summary>
    Task SaveAsync(MonthlyReportRecord record, CancellationToken cancellationToken);
}
