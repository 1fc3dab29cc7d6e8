using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePointEntry.Bench.Faults;

/// <summary>Reads the local host's console lines (<c>[HH:mm:ss.fff] level message</c>, local time).</summary>
internal static partial class HostLines
{
    /// <summary>The lines containing <paramref name="text"/>, each with its instant (the one nearest <paramref name="near"/>: a run may pass midnight).</summary>
    public static IReadOnlyList<(DateTimeOffset At, string Line)> Containing(string output, string text, DateTimeOffset near) =>
        [.. output.Split('\n')
            .Where(line => line.Contains(text, StringComparison.Ordinal) && Stamp().IsMatch(line))
            .Select(line => (At(Stamp().Match(line).Groups["time"].Value, near), line))];

    private static DateTimeOffset At(string timeOfDay, DateTimeOffset near)
    {
        var time = TimeOnly.ParseExact(timeOfDay, "HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var localNear = near.ToLocalTime();
        return new[] { -1, 0, 1 }
            .Select(days => localNear.Date.AddDays(days).Add(time.ToTimeSpan()))
            .Select(local => new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUniversalTime())
            .MinBy(instant => (instant - near).Duration());
    }

    [GeneratedRegex(@"^\[(?<time>\d\d:\d\d:\d\d\.\d{3})\] ", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();
}
