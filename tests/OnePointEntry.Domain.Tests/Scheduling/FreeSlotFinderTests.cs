using OnePointEntry.Scheduling;

namespace OnePointEntry.Domain.Tests.Scheduling;

public sealed class FreeSlotFinderTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    // Monday 23 November 2026.
    private static DateTimeOffset Nov(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Winter);

    private static TimeInterval Busy(DateTimeOffset start, DateTimeOffset end) => new(start, end);

    [Fact]
    public void An_empty_calendar_gives_the_next_half_hour()
    {
        var slot = FreeSlotFinder.FindFirst(Nov(23, 10, 7), Nov(25, 10, 7), []);

        Assert.Equal(new TimeInterval(Nov(23, 10, 30), Nov(23, 11, 0)), slot);
    }

    [Fact]
    public void A_now_on_the_half_hour_is_taken_as_it_is()
    {
        Assert.Equal(Nov(23, 11, 0), FreeSlotFinder.FindFirst(Nov(23, 11, 0), Nov(25, 11, 0), [])?.Start);
    }

    [Fact]
    public void Busy_blocks_are_stepped_over_and_a_touching_block_does_not_block()
    {
        // 10:30–11:15 busy, 11:15–12:00 busy (overlaps the 11:30 slot), 12:30–13:00 busy: the first free
        // half hour is 12:00–12:30, which touches both neighbours.
        TimeInterval[] busy =
        [
            Busy(Nov(23, 12, 30), Nov(23, 13, 0)),
            Busy(Nov(23, 10, 30), Nov(23, 11, 15)),
            Busy(Nov(23, 11, 15), Nov(23, 12, 0)),
        ];

        var slot = FreeSlotFinder.FindFirst(Nov(23, 10, 20), Nov(25, 10, 20), busy);

        Assert.Equal(new TimeInterval(Nov(23, 12, 0), Nov(23, 12, 30)), slot);
    }

    [Fact]
    public void A_busy_end_off_the_half_hour_moves_to_the_next_half_hour()
    {
        var slot = FreeSlotFinder.FindFirst(Nov(23, 9, 0), Nov(25, 9, 0), [Busy(Nov(23, 8, 0), Nov(23, 9, 40))]);

        Assert.Equal(Nov(23, 10, 0), slot?.Start);
    }

    [Fact]
    public void A_full_day_moves_to_the_next_working_morning()
    {
        var slot = FreeSlotFinder.FindFirst(Nov(23, 9, 0), Nov(25, 9, 0), [Busy(Nov(23, 8, 0), Nov(23, 17, 0))]);

        Assert.Equal(Nov(24, 9, 0), slot?.Start);
    }

    [Fact]
    public void The_last_half_hour_before_closing_is_used_but_no_slot_runs_past_closing()
    {
        Assert.Equal(Nov(23, 15, 30), FreeSlotFinder.FindFirst(Nov(23, 15, 10), Nov(25, 15, 10), [])?.Start);
        Assert.Equal(Nov(24, 9, 0), FreeSlotFinder.FindFirst(Nov(23, 15, 40), Nov(25, 15, 40), [])?.Start);
    }

    [Fact]
    public void Before_opening_the_first_slot_is_at_nine()
    {
        Assert.Equal(Nov(23, 9, 0), FreeSlotFinder.FindFirst(Nov(23, 6, 12), Nov(24, 16, 0), [])?.Start);
    }

    [Fact]
    public void Weekends_and_holidays_are_skipped()
    {
        // Friday 20 November 2026 at 16:30 → Monday 23 November 09:00.
        Assert.Equal(Nov(23, 9, 0), FreeSlotFinder.FindFirst(Nov(20, 16, 30), Nov(24, 16, 0), [])?.Start);
        // Wednesday 23 December at 15:45 → Monday 28 December 09:00.
        var afterChristmas = FreeSlotFinder.FindFirst(new DateTimeOffset(2026, 12, 23, 15, 45, 0, Winter), new DateTimeOffset(2026, 12, 29, 16, 0, 0, Winter), []);
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 9, 0, 0, Winter), afterChristmas?.Start);
    }

    [Fact]
    public void No_slot_ends_after_the_deadline()
    {
        // Deadline 10:15: 09:30–10:00 is busy, 10:00–10:30 would end after the deadline.
        var slot = FreeSlotFinder.FindFirst(Nov(23, 9, 15), Nov(23, 10, 15), [Busy(Nov(23, 9, 30), Nov(23, 10, 0))]);

        Assert.Null(slot);
    }

    [Fact]
    public void A_calendar_busy_until_the_deadline_has_no_slot()
    {
        var slot = FreeSlotFinder.FindFirst(Nov(23, 10, 0), Nov(25, 10, 0), [Busy(Nov(23, 9, 0), Nov(24, 16, 0)), Busy(Nov(25, 8, 0), Nov(25, 12, 0))]);

        Assert.Null(slot);
    }

    [Fact]
    public void A_deadline_in_the_past_has_no_slot()
    {
        Assert.Null(FreeSlotFinder.FindFirst(Nov(25, 12, 0), Nov(25, 10, 0), []));
    }

    [Fact]
    public void Busy_blocks_given_in_UTC_are_compared_as_instants()
    {
        // 09:00–10:00 Copenhagen given as 08:00–09:00 UTC.
        var busy = Busy(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(Nov(23, 10, 0), FreeSlotFinder.FindFirst(Nov(23, 9, 0), Nov(25, 9, 0), [busy])?.Start);
    }

    [Fact]
    public void Slots_after_the_change_to_summer_time_are_at_nine_on_the_new_clock()
    {
        // Friday 27 March 2026 at 15:45 CET; Monday 30 March opens at 09:00 CEST = 07:00 UTC.
        var slot = FreeSlotFinder.FindFirst(new DateTimeOffset(2026, 3, 27, 15, 45, 0, Winter), new DateTimeOffset(2026, 3, 31, 15, 45, 0, Summer), []);

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), slot?.Start.ToUniversalTime());
        Assert.Equal(Summer, slot?.Start.Offset);
    }

    [Fact]
    public void The_slot_found_lies_inside_the_deadline_computed_for_the_enquiry()
    {
        var received = Nov(20, 15, 0);
        var deadline = ScreeningDeadline.For(received);
        // Friday's last hour, Monday and Tuesday until 14:30 are booked.
        TimeInterval[] busy = [Busy(Nov(20, 15, 0), Nov(20, 16, 0)), Busy(Nov(23, 9, 0), Nov(23, 16, 0)), Busy(Nov(24, 9, 0), Nov(24, 14, 30))];

        Assert.Equal(new TimeInterval(Nov(24, 14, 30), Nov(24, 15, 0)), FreeSlotFinder.FindFirst(received, deadline, busy));
        Assert.Null(FreeSlotFinder.FindFirst(received, deadline, [.. busy, Busy(Nov(24, 14, 30), Nov(24, 15, 0))]));
    }
}
