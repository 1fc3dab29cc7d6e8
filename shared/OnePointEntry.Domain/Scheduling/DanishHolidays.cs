using System.Collections.Concurrent;

namespace OnePointEntry.Scheduling;

/// <summary>
/// The days Danish offices are closed, computed for any year from the rules, not read from a table of dates.
/// </summary>
/// <remarks>
/// <para>
/// Public holidays: Nytårsdag (1 January), Skærtorsdag, Langfredag, Påskedag, 2. påskedag, Store bededag
/// (the fourth Friday after Easter, abolished from 2024, so only in years before 2024), Kristi
/// himmelfartsdag (Easter + 39 days), Pinsedag and 2. pinsedag (Easter + 49 and + 50 days), Juledag and
/// 2. juledag (25 and 26 December). Easter Sunday comes from the Gregorian computus.
/// </para>
/// <para>
/// Customary closures: Grundlovsdag (5 June), juleaftensdag (24 December) and nytårsaftensdag
/// (31 December) are not public holidays, but most offices, One-Point Entry's partners among them, close
/// for the whole or the better part of the day. For screening they count as closed days: a deadline that
/// fell on them would fall when nobody is at work to meet it. Grundlovsdag is often a half day in
/// practice; counting it as closed errs on the side of giving the screener the time.
/// </para>
/// </remarks>
public static class DanishHolidays
{
    /// <summary>The first year without Store bededag (abolished by the act of 2023).</summary>
    public const int StoreBededagAbolishedFrom = 2024;

    // Each year's closed days, computed once: every deadline and free-slot search asks about day after day, and a
    // process only ever meets a handful of years.
    private static readonly ConcurrentDictionary<int, IReadOnlyList<DanishHoliday>> s_years = new();

    /// <summary>
    /// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher),
    /// valid for every Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Every closed day of <paramref name="year"/>, public holidays and customary closures, by date.</summary>
    public static IReadOnlyList<DanishHoliday> For(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DanishHoliday>
        {
            Public(new DateOnly(year, 1, 1), "Nytårsdag", "New Year's Day"),
            Public(easter.AddDays(-3), "Skærtorsdag", "Maundy Thursday"),
            Public(easter.AddDays(-2), "Langfredag", "Good Friday"),
            Public(easter, "Påskedag", "Easter Sunday"),
            Public(easter.AddDays(1), "2. påskedag", "Easter Monday"),
            Public(easter.AddDays(39), "Kristi himmelfartsdag", "Ascension Day"),
            Public(easter.AddDays(49), "Pinsedag", "Whit Sunday"),
            Public(easter.AddDays(50), "2. pinsedag", "Whit Monday"),
            Customary(new DateOnly(year, 6, 5), "Grundlovsdag", "Constitution Day"),
            Customary(new DateOnly(year, 12, 24), "Juleaftensdag", "Christmas Eve"),
            Public(new DateOnly(year, 12, 25), "Juledag", "Christmas Day"),
            Public(new DateOnly(year, 12, 26), "2. juledag", "Boxing Day"),
            Customary(new DateOnly(year, 12, 31), "Nytårsaftensdag", "New Year's Eve"),
        };
        if (year < StoreBededagAbolishedFrom)
        {
            days.Add(Public(easter.AddDays(26), "Store bededag", "General Prayer Day"));
        }

        return days.OrderBy(day => day.Date).ToList();
    }

    /// <summary>The holiday or customary closure on <paramref name="date"/>, or null on an ordinary day.</summary>
    public static DanishHoliday? Find(DateOnly date)
    {
        foreach (var day in s_years.GetOrAdd(date.Year, For))
        {
            if (day.Date == date)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>True on a public holiday or a customary closure; weekends are the calendar's business.</summary>
    public static bool IsClosed(DateOnly date) => Find(date) is not null;

    private static DanishHoliday Public(DateOnly date, string name, string englishName) => new(date, name, englishName, ClosureKind.PublicHoliday);

    private static DanishHoliday Customary(DateOnly date, string name, string englishName) => new(date, name, englishName, ClosureKind.CustomaryClosure);
}
