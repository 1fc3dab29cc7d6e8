using OnePointEntry.Directories;

namespace OnePointEntry.Routing;

/// <summary>Whether screeners have a free half hour before a screening deadline (their calendars, in production).</summary>
public interface IScreenerAvailability
{
    /// <summary>
    /// Per staff id: true with a free 30-minute slot between <paramref name="now"/> and <paramref name="deadline"/>,
    /// false without; missing when the calendar could not be read (unknown, neither for nor against).
    /// </summary>
    Task<IReadOnlyDictionary<string, bool>> FindAsync(IReadOnlyList<StaffMember> staff, DateTimeOffset now, DateTimeOffset deadline, CancellationToken cancellationToken);
}
