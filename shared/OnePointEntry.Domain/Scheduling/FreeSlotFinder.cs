namespace OnePointEntry.Scheduling;

/// <summary>Finds the first free slot in a screener's calendar for the screening.</summary>
public static class FreeSlotFinder
{
    /// <summary>How long the screening block in the calendar is.</summary>
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The earliest 30-minute slot that starts on a full or half hour of the wall clock, at or after
    /// <paramref name="now"/> (never in the past), lies wholly inside working hours, ends by
    /// <paramref name="deadline"/>, and overlaps none of <paramref name="busy"/>; null when there is none.
    /// </summary>
    /// <param name="busy">
    /// The screener's busy blocks, e.g. Graph <c>getSchedule</c>'s schedule items with a status other than
    /// <c>free</c>, in any order, overlapping or not. A block that only touches a slot (ends as it starts) does
    /// not block it.
    /// </param>
    public static TimeInterval? FindFirst(DateTimeOffset now, DateTimeOffset deadline, IEnumerable<TimeInterval> busy) =>
        FindFirst(now, deadline, busy, WorkingCalendar.Copenhagen);

    public static TimeInterval? FindFirst(DateTimeOffset now, DateTimeOffset deadline, IEnumerable<TimeInterval> busy, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(calendar);
        var blocks = busy.Where(block => block.End > now && block.Start < deadline).OrderBy(block => block.Start).ToList();
        var candidate = AlignUp(now, calendar);
        // Every turn moves the candidate strictly forward, so the loop ends once it passes the deadline.
        while (candidate + SlotLength <= deadline)
        {
            var (date, time) = calendar.Local(candidate);
            if (!calendar.IsWorkingDay(date) || time >= calendar.Closes || (calendar.Closes - time) < SlotLength)
            {
                candidate = calendar.At(calendar.NextWorkingDay(date), calendar.Opens);
                continue;
            }

            if (time < calendar.Opens)
            {
                candidate = calendar.At(date, calendar.Opens);
                continue;
            }

            var slot = new TimeInterval(candidate, candidate + SlotLength);
            var conflict = blocks.Where(block => block.Overlaps(slot)).Select(block => (DateTimeOffset?)block.End).Max();
            if (conflict is { } busyUntil)
            {
                candidate = AlignUp(busyUntil, calendar);
                continue;
            }

            return slot;
        }

        return null;
    }

    // The first full or half hour of the wall clock at or after the instant. Aligned on the local clock, so
    // zones with a half- or quarter-hour offset get slots at :00 and :30 too.
    private static DateTimeOffset AlignUp(DateTimeOffset instant, WorkingCalendar calendar)
    {
        var (_, time) = calendar.Local(instant);
        var past = time.ToTimeSpan().Ticks % SlotLength.Ticks;
        return past == 0 ? instant : instant + TimeSpan.FromTicks(SlotLength.Ticks - past);
    }
}
