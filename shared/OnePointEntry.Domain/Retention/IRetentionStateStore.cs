using OnePointEntry.Statistics;

namespace OnePointEntry.Retention;

/// <summary>
/// How far the retention sweep got: the newest month all of whose enquiries are anonymised. Enquiries are
/// only ever added to the current month, so a month once done stays done and is never read again.
/// </summary>
public interface IRetentionStateStore
{
    Task<CalendarMonth?> ReadAnonymisedThroughAsync(CancellationToken cancellationToken);

    Task SaveAnonymisedThroughAsync(CalendarMonth month, CancellationToken cancellationToken);
}
