using System.Globalization;
using OnePointEntry.Statistics;

namespace OnePointEntry.Tool.Commands;

/// <summary>A month as the commands take it on the command line: <c>yyyy-MM</c>.</summary>
internal static class MonthArgument
{
    public static bool TryParse(string value, out CalendarMonth month)
    {
        var parsed = DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        month = parsed ? CalendarMonth.Of(day) : default;
        return parsed;
    }
}
