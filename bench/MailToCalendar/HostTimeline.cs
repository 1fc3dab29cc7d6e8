using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>Reads the local host's console lines into the functions' invocations.</summary>
internal static partial class HostTimeline
{
    public static IReadOnlyList<FunctionRun> Runs(string output, DateTimeOffset near)
    {
        var started = new Dictionary<string, FunctionRun>(StringComparer.Ordinal);
        var runs = new List<FunctionRun>();
        foreach (var line in output.Split('\n'))
        {
            if (Executing().Match(line) is { Success: true } executing)
            {
                var run = new FunctionRun(executing.Groups["function"].Value, executing.Groups["id"].Value, At(executing.Groups["time"].Value, near), null);
                started[run.InvocationId] = run;
                runs.Add(run);
            }
            else if (Executed().Match(line) is { Success: true } executed && started.TryGetValue(executed.Groups["id"].Value, out var begun))
            {
                runs[runs.IndexOf(begun)] = begun with { Ended = At(executed.Groups["time"].Value, near) };
            }
        }

        return runs;
    }

    /// <summary>A local time of day as the instant nearest to <paramref name="near"/> (a run may pass midnight).</summary>
    private static DateTimeOffset At(string timeOfDay, DateTimeOffset near)
    {
        var time = TimeOnly.ParseExact(timeOfDay, "HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var localNear = near.ToLocalTime();
        return new[] { -1, 0, 1 }
            .Select(days => localNear.Date.AddDays(days).Add(time.ToTimeSpan()))
            .Select(local => new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUniversalTime())
            .MinBy(instant => (instant - near).Duration());
    }

    [GeneratedRegex(@"^\[(?<time>\d\d:\d\d:\d\d\.\d{3})\] \w+ Executing 'Functions\.(?<function>\w+)' \(Reason='.*', Id=(?<id>[^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Executing();

    [GeneratedRegex(@"^\[(?<time>\d\d:\d\d:\d\d\.\d{3})\] \w+ Executed 'Functions\.(?<function>\w+)' \(\w+, Id=(?<id>[^,]+),", RegexOptions.CultureInvariant)]
    private static partial Regex Executed();
}
