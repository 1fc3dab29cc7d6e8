using OnePointEntry.Deliveries;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class DeliveryOptionsTests
{
    private readonly DeliveryOptions _options = new();

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(6, 320)]
    [InlineData(7, 600)]
    [InlineData(9, 600)]
    [InlineData(1000, 600)]
    [InlineData(int.MaxValue, 600)]
    public void The_wait_doubles_from_the_first_delay_up_to_the_longest(int failures, int longestSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(longestSeconds), _options.DelayAfter(failures, null, 1));
        Assert.Equal(TimeSpan.FromSeconds(longestSeconds) / 2, _options.DelayAfter(failures, null, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void No_failure_counted_waits_as_after_the_first(int failures) =>
        Assert.Equal(TimeSpan.FromSeconds(10), _options.DelayAfter(failures, null, 1));

    [Theory]
    [InlineData(0.0, 5_000)]
    [InlineData(0.25, 6_250)]
    [InlineData(0.5, 7_500)]
    [InlineData(0.999, 9_995)]
    [InlineData(1.0, 10_000)]
    [InlineData(-1.0, 5_000)]
    [InlineData(7.0, 10_000)]
    public void The_jitter_varies_the_second_half_of_the_wait_only(double random, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), _options.DelayAfter(1, null, random));

    [Fact]
    public void Jittered_waits_stay_between_half_the_ceiling_and_the_ceiling()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 1_000; i++)
        {
            var failures = random.Next(1, 15);
            var ceiling = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks << (failures - 1), TimeSpan.FromMinutes(10).Ticks));

            var delay = _options.DelayAfter(failures, null, random.NextDouble());

            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void A_longer_wait_the_service_asked_for_is_honoured()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), _options.DelayAfter(1, TimeSpan.FromMinutes(2), 1));
        Assert.Equal(TimeSpan.FromMinutes(30), _options.DelayAfter(9, TimeSpan.FromMinutes(30), 1));
    }

    [Fact]
    public void A_shorter_wait_the_service_asked_for_changes_nothing()
    {
        Assert.Equal(TimeSpan.FromSeconds(40), _options.DelayAfter(3, TimeSpan.FromSeconds(1), 1));
        Assert.Equal(TimeSpan.FromSeconds(40), _options.DelayAfter(3, TimeSpan.Zero, 1));
    }

    [Fact]
    public void The_wait_the_service_asked_for_is_capped_at_what_a_queue_message_can_wait()
    {
        Assert.Equal(TimeSpan.FromDays(6), _options.DelayAfter(1, TimeSpan.FromDays(30), 0));
        Assert.Equal(TimeSpan.FromDays(6), _options.DelayAfter(1, TimeSpan.MaxValue, 0));
    }

    [Fact]
    public void The_defaults_are_usable_and_so_are_the_limits()
    {
        Assert.Null(new DeliveryOptions().Problem());
        Assert.Null(new DeliveryOptions { MaxAttempts = 1, HoldTime = TimeSpan.FromSeconds(30), OverdueAfter = TimeSpan.FromTicks(1) }.Problem());
        Assert.Null(new DeliveryOptions { MaxAttempts = 100, FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(1) }.Problem());
        Assert.Null(new DeliveryOptions { MaxRetryDelay = TimeSpan.FromDays(6) }.Problem());
    }

    public static TheoryData<DeliveryOptions, string> Unusable() => new()
    {
        { new DeliveryOptions { MaxAttempts = 0 }, "Deliveries__MaxAttempts" },
        { new DeliveryOptions { MaxAttempts = -1 }, "Deliveries__MaxAttempts" },
        { new DeliveryOptions { MaxAttempts = 101 }, "Deliveries__MaxAttempts" },
        { new DeliveryOptions { FirstRetryDelay = TimeSpan.Zero }, "Deliveries__FirstRetryDelay" },
        { new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(-10) }, "Deliveries__FirstRetryDelay" },
        { new DeliveryOptions { FirstRetryDelay = TimeSpan.FromMinutes(11) }, "Deliveries__MaxRetryDelay" },
        { new DeliveryOptions { MaxRetryDelay = TimeSpan.FromSeconds(9) }, "Deliveries__MaxRetryDelay" },
        { new DeliveryOptions { MaxRetryDelay = TimeSpan.FromDays(6) + TimeSpan.FromTicks(1) }, "Deliveries__MaxRetryDelay" },
        { new DeliveryOptions { HoldTime = TimeSpan.FromSeconds(29) }, "Deliveries__HoldTime" },
        { new DeliveryOptions { HoldTime = TimeSpan.Zero }, "Deliveries__HoldTime" },
        { new DeliveryOptions { OverdueAfter = TimeSpan.Zero }, "Deliveries__OverdueAfter" },
        { new DeliveryOptions { OverdueAfter = TimeSpan.FromMinutes(-2) }, "Deliveries__OverdueAfter" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void An_unusable_setting_is_named(DeliveryOptions options, string setting) =>
        Assert.StartsWith(setting + " ", options.Problem(), StringComparison.Ordinal);
}
