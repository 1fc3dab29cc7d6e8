namespace OnePointEntry.Scheduling;

/// <summary>
/// By when an enquiry must be screened: two working days of working time after it was received.
/// </summary>
/// <remarks>
/// <para>
/// Exactly: the clock starts when the enquiry is received if that is inside working hours (09:00–16:00
/// Copenhagen time on a working day); before 09:00 on a working day it starts at 09:00; after 16:00, on a
/// weekend, a public holiday or a customary closure (see <see cref="DanishHolidays"/>) it starts at 09:00 on
/// the next working day. The deadline is then two full working days (2 × 7 hours) of working time later.
/// </para>
/// <para>
/// So an enquiry received at a time of day inside working hours is due at the same wall-clock time two
/// working days later (Friday 15:00 → Tuesday 15:00), and one received outside working hours is due at 16:00
/// on the second working day of the count (Saturday → counted from Monday 09:00 → Tuesday 16:00, which is the
/// same working moment as "Wednesday 09:00", named as the earlier one). The deadline is a wall-clock time in
/// Copenhagen, so across a change to or from summer time the elapsed real time is an hour shorter or longer.
/// </para>
/// </remarks>
public static class ScreeningDeadline
{
    /// <summary>How many working days screening may take.</summary>
    public const int WorkingDays = 2;

    /// <summary>The deadline for an enquiry received at <paramref name="receivedAt"/>, by the Copenhagen calendar.</summary>
    public static DateTimeOffset For(DateTimeOffset receivedAt) => For(receivedAt, WorkingCalendar.Copenhagen);

    public static DateTimeOffset For(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingTime(receivedAt, calendar.WorkingDayLength * WorkingDays);
    }
}
