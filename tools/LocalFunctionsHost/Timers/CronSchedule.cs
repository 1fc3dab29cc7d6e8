using Cronos;

namespace LocalFunctionsHost.Timers;

/// <summary>
/// An NCRONTAB schedule as timer triggers write it: six fields with seconds first
/// ("0 */5 * * * *"); five-field cron is accepted too. Occurrences are computed in the app's
/// time zone, so "0 0 9 * * *" means 09:00 local time on both sides of a DST change.
/// </summary>
internal sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo timeZone)
    {
        Text = text;
        _expression = expression;
        TimeZone = timeZone;
    }

    public string Text { get; }

    public TimeZoneInfo TimeZone { get; }

    public static CronSchedule Parse(string text, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(timeZone);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var format = fields switch
        {
            6 => CronFormat.IncludeSeconds,
            5 => CronFormat.Standard,
            _ => throw new FormatException($"'{text}' is not an NCRONTAB expression: expected six fields ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}})."),
        };
        return new CronSchedule(text, CronExpression.Parse(text, format), timeZone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, TimeZone, inclusive: false);
}
