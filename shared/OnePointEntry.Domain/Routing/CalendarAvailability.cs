using Microsoft.Extensions.Logging;
using OnePointEntry.Directories;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Routing;

/// <summary>
/// Screeners' availability read from their calendars: a free half hour before the deadline, as the booking
/// will look for it, for the active members given in one request to the calendars (not one per person). A calendar that
/// cannot be read leaves that person's availability unknown rather than failing the screening: availability only
/// breaks ties after language, expertise and load.
/// </summary>
public sealed partial class CalendarAvailability(IScreeningCalendar calendar, ILogger<CalendarAvailability> logger) : IScreenerAvailability
{
    public async Task<IReadOnlyDictionary<string, bool>> FindAsync(IReadOnlyList<StaffMember> staff, DateTimeOffset now, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var availability = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var active = staff.Where(member => member.Active).Select(member => member.Id).ToList();
        if (deadline <= now || active.Count == 0)
        {
            return availability;
        }

        try
        {
            var schedules = await calendar.GetBusyAsync(active, new TimeInterval(now, deadline), cancellationToken);
            foreach (var id in active)
            {
                if (schedules.TryGetValue(id, out var busy))
                {
                    availability[id] = FreeSlotFinder.FindFirst(now, deadline, busy) is not null;
                }
                else
                {
                    LogUnreadable(logger, "NoSchedule");
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUnreadable(logger, exception.GetType().Name);
        }

        return availability;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A screener's calendar could not be read ({ErrorType}); their availability is left unknown")]
    private static partial void LogUnreadable(ILogger logger, string errorType);
}
