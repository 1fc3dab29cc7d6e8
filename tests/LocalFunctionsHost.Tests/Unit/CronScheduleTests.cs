using LocalFunctionsHost.Timers;

namespace LocalFunctionsHost.Tests.Unit;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo London = AppTimeZone.FromId("Europe/London");

    [Fact]
    public void Six_field_schedule_counts_seconds()
    {
        var schedule = CronSchedule.Parse("*/15 * * * * *", TimeZoneInfo.Utc);

        Assert.Equal(
            new DateTimeOffset(2025, 6, 1, 10, 0, 15, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 6, 1, 10, 0, 7, TimeSpan.Zero)));
    }

    [Fact]
    public void Next_occurrence_is_strictly_after_the_given_time()
    {
        var schedule = CronSchedule.Parse("0 0 * * * *", TimeZoneInfo.Utc);

        Assert.Equal(
            new DateTimeOffset(2025, 6, 1, 11, 0, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Daily_schedule_keeps_local_wall_time_across_the_spring_dst_change()
    {
        var schedule = CronSchedule.Parse("0 30 9 * * *", London);

        // 29 March 2025 is still GMT; 30 March is BST (UTC+1).
        Assert.Equal(
            new DateTimeOffset(2025, 3, 29, 9, 30, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 3, 29, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(
            new DateTimeOffset(2025, 3, 30, 8, 30, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Time_skipped_by_the_dst_change_runs_at_the_end_of_the_gap()
    {
        var schedule = CronSchedule.Parse("0 30 1 * * *", London);

        // 01:30 does not exist in London on 30 March 2025; the clocks jump from 01:00 GMT to 02:00 BST.
        Assert.Equal(
            new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Windows_time_zone_ids_are_accepted()
    {
        var schedule = CronSchedule.Parse("0 0 12 * * *", AppTimeZone.FromId("W. Europe Standard Time"));

        // Central European Summer Time is UTC+2.
        Assert.Equal(
            new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Five_field_cron_is_accepted_without_seconds()
    {
        var schedule = CronSchedule.Parse("*/5 * * * *", TimeZoneInfo.Utc);

        Assert.Equal(
            new DateTimeOffset(2025, 6, 1, 10, 5, 0, TimeSpan.Zero),
            schedule.GetNextOccurrence(new DateTimeOffset(2025, 6, 1, 10, 1, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("0 0 0 * * * *")]
    [InlineData("61 * * * * *")]
    public void Malformed_schedule_is_rejected(string text) =>
        Assert.ThrowsAny<FormatException>(() => CronSchedule.Parse(text, TimeZoneInfo.Utc));

    [Fact]
    public void Unknown_time_zone_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppTimeZone.FromId("Mars/Olympus_Mons"));

        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }
}
