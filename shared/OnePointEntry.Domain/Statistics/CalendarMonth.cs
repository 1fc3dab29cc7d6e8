using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OnePointEntry.Statistics;

/// <summary>A month of the calendar, written <c>yyyy-MM</c> as the storage partitions and the reports name it.</summary>
public readonly record struct CalendarMonth : IComparable<CalendarMonth>
{
    public CalendarMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public static CalendarMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month <paramref name="instant"/> falls in, in Copenhagen.</summary>
    public static CalendarMonth InCopenhagen(DateTimeOffset instant) => Of(CopenhagenTime.DateOf(instant));

    public static bool TryParse([NotNullWhen(true)] string? text, out CalendarMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 1 || number is < 1 or > 12)
        {
            return false;
        }

        month = new CalendarMonth(year, number);
        return true;
    }

    public CalendarMonth AddMonths(int months)
    {
        var date = FirstDay.AddMonths(months);
        return new CalendarMonth(date.Year, date.Month);
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public int CompareTo(CalendarMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CalendarMonth left, CalendarMonth right) => left.CompareTo(right) >= 0;

    /// <summary>The months from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<CalendarMonth> Range(CalendarMonth first, CalendarMonth last)
    {
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
