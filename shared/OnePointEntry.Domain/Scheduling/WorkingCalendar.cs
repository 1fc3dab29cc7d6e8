namespace OnePointEntry.Scheduling;

/// <summary>
/// When One-Point Entry works: weekdays from <see cref="Opens"/> to <see cref="Closes"/> on the wall clock of
/// <see cref="Zone"/>, except closed days (by default the days in <see cref="DanishHolidays"/>). Pure: every answer follows from the
/// instants given, never from the machine's clock or time zone.
/// </summary>
/// <remarks>
/// Working hours are wall-clock hours, so they follow daylight saving time: in Copenhagen 09:00 is 08:00 UTC
/// in winter (+01:00) and 07:00 UTC in summer (+02:00). Copenhagen changes its clocks at night
/// (02:00/03:00) and on Sundays, so a working hour never falls in a skipped or repeated hour.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly Func<DateOnly, bool> _isClosed;

    /// <param name="isClosed">Which weekdays are closed; Danish holidays and customary closures when null.</param>
    public WorkingCalendar(TimeOnly opens, TimeOnly closes, TimeZoneInfo zone, Func<DateOnly, bool>? isClosed = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (closes <= opens)
        {
            throw new ArgumentException($"The office must close ({closes}) after it opens ({opens}).", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
        Zone = zone;
        _isClosed = isClosed ?? DanishHolidays.IsClosed;
    }

    /// <summary>09:00–16:00 Copenhagen time, Monday to Friday, Danish holidays and customary closures off.</summary>
    public static WorkingCalendar Copenhagen { get; } = new(new TimeOnly(9, 0), new TimeOnly(16, 0), CopenhagenTime.Zone);

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The working time in one working day (seven hours for 09:00–16:00).</summary>
    public TimeSpan WorkingDayLength => Closes - Opens;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_isClosed(date);

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    public bool IsWithinWorkingHours(DateTimeOffset instant)
    {
        var (date, time) = Local(instant);
        return IsWorkingDay(date) && time >= Opens && time < Closes;
    }

    /// <summary>
    /// The instant working time starts counting for something that happens at <paramref name="instant"/>: the
    /// instant itself inside working hours; the opening of the same day before it; the opening of the next
    /// working day after closing time or on a day off.
    /// </summary>
    public DateTimeOffset StartOfWorkingTime(DateTimeOffset instant)
    {
        var (date, time) = StartOfWorkingTimeLocal(instant);
        return At(date, time);
    }

    /// <summary>
    /// The instant <paramref name="workingTime"/> of working time after <paramref name="start"/>, counting only
    /// working hours on working days. A result at the end of a working day is given as that day's closing time
    /// (16:00), not as the next working day's opening.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var (date, time) = StartOfWorkingTimeLocal(start);
        var remaining = workingTime;
        while (true)
        {
            var available = Closes - time;
            if (remaining <= available)
            {
                return At(date, time.Add(remaining));
            }

            remaining -= available;
            date = NextWorkingDay(date);
            time = Opens;
        }
    }

    /// <summary>The instant the wall clock in <see cref="Zone"/> shows <paramref name="time"/> on <paramref name="date"/>, with that moment's offset.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The wall-clock date and time in <see cref="Zone"/> at <paramref name="instant"/>.</summary>
    public (DateOnly Date, TimeOnly Time) Local(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private (DateOnly Date, TimeOnly Time) StartOfWorkingTimeLocal(DateTimeOffset instant)
    {
        var (date, time) = Local(instant);
        if (IsWorkingDay(date) && time < Closes)
        {
            return (date, time < Opens ? Opens : time);
        }

        return (NextWorkingDay(date), Opens);
    }
}
