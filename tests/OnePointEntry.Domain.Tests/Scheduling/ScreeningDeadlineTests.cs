using OnePointEntry.Scheduling;

namespace OnePointEntry.Domain.Tests.Scheduling;

public sealed class ScreeningDeadlineTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static DateTimeOffset Cph(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    [Fact]
    public void Received_inside_working_hours_is_due_at_the_same_time_two_working_days_later()
    {
        // Wednesday 25 November 2026, 10:30.
        Assert.Equal(Cph(2026, 11, 27, 10, 30, Winter), ScreeningDeadline.For(Cph(2026, 11, 25, 10, 30, Winter)));
    }

    [Fact]
    public void Received_on_Friday_afternoon_is_due_on_Tuesday_afternoon()
    {
        var deadline = ScreeningDeadline.For(Cph(2026, 11, 20, 15, 0, Winter));

        Assert.Equal(Cph(2026, 11, 24, 15, 0, Winter), deadline);
        Assert.Equal(Winter, deadline.Offset);
    }

    [Fact]
    public void Received_on_Saturday_counts_from_Monday_morning_and_is_due_on_Tuesday_at_closing()
    {
        Assert.Equal(Cph(2026, 11, 24, 16, 0, Winter), ScreeningDeadline.For(Cph(2026, 11, 21, 11, 0, Winter)));
    }

    [Fact]
    public void Received_before_opening_counts_from_nine_the_same_day()
    {
        // Monday 07:45 → counts from Monday 09:00 → due Tuesday 16:00.
        Assert.Equal(Cph(2026, 11, 24, 16, 0, Winter), ScreeningDeadline.For(Cph(2026, 11, 23, 7, 45, Winter)));
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(22, 15)]
    public void Received_at_or_after_closing_counts_from_the_next_working_morning(int hour, int minute)
    {
        // Monday evening → counts from Tuesday 09:00 → due Wednesday 16:00.
        Assert.Equal(Cph(2026, 11, 25, 16, 0, Winter), ScreeningDeadline.For(Cph(2026, 11, 23, hour, minute, Winter)));
    }

    [Fact]
    public void A_moment_just_before_closing_is_still_counted()
    {
        // Monday 15:59 → one minute on Monday, seven hours on Tuesday, 6h59 on Wednesday.
        Assert.Equal(Cph(2026, 11, 25, 15, 59, Winter), ScreeningDeadline.For(Cph(2026, 11, 23, 15, 59, Winter)));
    }

    [Fact]
    public void The_instant_may_be_given_in_any_offset()
    {
        // 14:00 UTC on Friday is 15:00 in Copenhagen.
        var deadline = ScreeningDeadline.For(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), deadline.ToUniversalTime());
    }

    [Fact]
    public void Easter_is_skipped_from_Maundy_Thursday_to_Easter_Monday()
    {
        // Wednesday 1 April 2026, 10:00: six hours that day, then Thursday to Monday closed, seven hours on
        // Tuesday 7 April, the last hour on Wednesday 8 April.
        Assert.Equal(Cph(2026, 4, 8, 10, 0, Summer), ScreeningDeadline.For(Cph(2026, 4, 1, 10, 0, Summer)));
    }

    [Fact]
    public void Christmas_Eve_and_Christmas_are_skipped()
    {
        // Tuesday 22 December 2026, 12:00: four hours, seven on the 23rd, 24–27 closed, three on Monday the 28th.
        Assert.Equal(Cph(2026, 12, 28, 12, 0, Winter), ScreeningDeadline.For(Cph(2026, 12, 22, 12, 0, Winter)));
    }

    [Fact]
    public void New_Years_Eve_and_Day_are_skipped()
    {
        // Wednesday 30 December 2026, 09:00: seven hours that day, 31 December and 1 January closed, the
        // weekend, seven hours on Monday 4 January → due Monday 16:00.
        Assert.Equal(Cph(2027, 1, 4, 16, 0, Winter), ScreeningDeadline.For(Cph(2026, 12, 30, 9, 0, Winter)));
    }

    [Fact]
    public void Grundlovsdag_counts_as_closed()
    {
        // Thursday 4 June 2026, 11:00 → Friday 5 June closed → Monday 8 June, Tuesday 9 June 11:00.
        Assert.Equal(Cph(2026, 6, 9, 11, 0, Summer), ScreeningDeadline.For(Cph(2026, 6, 4, 11, 0, Summer)));
    }

    [Fact]
    public void Store_bededag_was_skipped_in_2023_but_not_in_2024()
    {
        // Thursday 4 May 2023, 10:00; Store bededag Friday 5 May → due Tuesday 9 May 10:00.
        Assert.Equal(Cph(2023, 5, 9, 10, 0, Summer), ScreeningDeadline.For(Cph(2023, 5, 4, 10, 0, Summer)));
        // Thursday 25 April 2024, 10:00; Friday 26 April is a working day → due Monday 29 April 10:00.
        Assert.Equal(Cph(2024, 4, 29, 10, 0, Summer), ScreeningDeadline.For(Cph(2024, 4, 25, 10, 0, Summer)));
    }

    [Fact]
    public void Across_the_spring_change_to_summer_time_the_wall_clock_time_is_kept()
    {
        // Friday 27 March 2026 15:00 CET; clocks go forward on Sunday 29 March.
        var received = Cph(2026, 3, 27, 15, 0, Winter);

        var deadline = ScreeningDeadline.For(received);

        Assert.Equal(Cph(2026, 3, 31, 15, 0, Summer), deadline);
        Assert.Equal(Summer, deadline.Offset);
        Assert.Equal(TimeSpan.FromHours(95), deadline - received);
    }

    [Fact]
    public void Across_the_autumn_change_to_winter_time_the_wall_clock_time_is_kept()
    {
        // Friday 23 October 2026 15:00 CEST; clocks go back on Sunday 25 October.
        var received = Cph(2026, 10, 23, 15, 0, Summer);

        var deadline = ScreeningDeadline.For(received);

        Assert.Equal(Cph(2026, 10, 27, 15, 0, Winter), deadline);
        Assert.Equal(Winter, deadline.Offset);
        Assert.Equal(TimeSpan.FromHours(97), deadline - received);
    }

    [Fact]
    public void Received_in_the_night_of_the_change_counts_from_Monday()
    {
        // 02:30 UTC on Sunday 29 March 2026 is 04:30 CEST.
        Assert.Equal(Cph(2026, 3, 31, 16, 0, Summer), ScreeningDeadline.For(new DateTimeOffset(2026, 3, 29, 2, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Working_hours_follow_the_Copenhagen_wall_clock()
    {
        var calendar = WorkingCalendar.Copenhagen;

        Assert.True(calendar.IsWithinWorkingHours(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero)));
        Assert.False(calendar.IsWithinWorkingHours(new DateTimeOffset(2026, 1, 7, 7, 0, 0, TimeSpan.Zero)));
        Assert.True(calendar.IsWithinWorkingHours(new DateTimeOffset(2026, 1, 7, 8, 0, 0, TimeSpan.Zero)));
        Assert.False(calendar.IsWithinWorkingHours(new DateTimeOffset(2026, 1, 7, 15, 0, 0, TimeSpan.Zero)));
        Assert.False(calendar.IsWithinWorkingHours(Cph(2026, 1, 10, 10, 0, Winter)));
    }
}
