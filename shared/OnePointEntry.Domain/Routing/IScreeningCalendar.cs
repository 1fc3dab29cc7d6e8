using OnePointEntry.Scheduling;

namespace OnePointEntry.Routing;

/// <summary>Screeners' Outlook calendars (Microsoft Graph in production).</summary>
public interface IScreeningCalendar
{
    /// <summary>When the screener is busy within <paramref name="window"/> (Graph getSchedule).</summary>
    Task<IReadOnlyList<TimeInterval>> GetBusyAsync(string staffId, TimeInterval window, CancellationToken cancellationToken);

    /// <summary>
    /// When each of <paramref name="staffIds"/> is busy within <paramref name="window"/>, asked together (Graph
    /// getSchedule takes many schedules in one request). A screener whose calendar could not be read is missing.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>>> GetBusyAsync(IReadOnlyCollection<string> staffIds, TimeInterval window, CancellationToken cancellationToken);

    /// <summary>
    /// Books the screening in the screener's calendar and returns the event's id. Booking again with the same
    /// <see cref="ScreeningAppointment.TransactionId"/> returns the first event rather than a second one.
    /// </summary>
    Task<string> BookAsync(ScreeningAppointment appointment, CancellationToken cancellationToken);

    /// <summary>Takes a booked screening out of the screener's calendar; one that is gone already is no error.</summary>
    Task CancelAsync(string staffId, string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes out the screening booked with <paramref name="transactionId"/>, if an attempt whose answer was lost
    /// made one; nothing when there is none.
    /// </summary>
    Task CancelBookingAsync(string staffId, string transactionId, CancellationToken cancellationToken);
}
