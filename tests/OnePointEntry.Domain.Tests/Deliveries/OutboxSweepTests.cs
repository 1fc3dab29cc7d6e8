using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Routing;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class OutboxSweepTests
{
    private static readonly DeliveryId s_card = new("OPE-2611-7K3F", DeliveryKind.ScreeningCard, "mei@onepointentry.example");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _store = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly DeliveryOptions _options = new();
    private readonly OutboxSweep _sweep;

    public OutboxSweepTests()
    {
        _sweep = new OutboxSweep(_store, _queue.Object, _options, _time, NullLogger<OutboxSweep>.Instance);
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private Delivery Card(DeliveryId? id = null) => Delivery.OfCard(id ?? s_card, new TeamsCard("[OPE-2611-7K3F] Screening", "Screening for Mei", [], null), Now);

    [Fact]
    public async Task A_pending_delivery_overdue_without_an_attempt_is_queued_again_and_looked_at_after_an_attempts_time()
    {
        var recorded = _store.Put(Card());
        _time.Advance(_options.OverdueAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await _sweep.SweepAsync(CancellationToken.None));

        _queue.Verify(q => q.SendAsync(s_card, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(Now + _options.HoldTime, _store.NextCheckOf(s_card));
        Assert.Equal(recorded, _store.Get(s_card));
    }

    [Fact]
    public async Task A_delivery_queued_again_is_not_queued_once_more_by_the_next_sweep()
    {
        _store.Put(Card());
        _time.Advance(TimeSpan.FromMinutes(3));
        await _sweep.SweepAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        _queue.Verify(q => q.SendAsync(s_card, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_pending_delivery_whose_next_attempt_passed_long_ago_is_queued_again()
    {
        _store.Put(Card() with { Attempts = 3, NextAttemptAt = Now.AddSeconds(40) });
        _time.Advance(TimeSpan.FromSeconds(40) + _options.OverdueAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await _sweep.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_not_yet_overdue_is_left_to_its_queue_message()
    {
        _store.Put(Card());
        _time.Advance(_options.OverdueAfter - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        _queue.VerifyNoOtherCalls();
        Assert.Equal(Now - _options.OverdueAfter + TimeSpan.FromSeconds(1), _store.NextCheckOf(s_card));
    }

    [Fact]
    public async Task A_delivery_held_by_an_attempt_is_looked_at_again_when_the_hold_ends()
    {
        // Taking hold does not change the index: it still says when the delivery was due.
        var recorded = _store.Put(Card());
        _time.Advance(TimeSpan.FromMinutes(3));
        var heldUntil = Now + _options.HoldTime;
        await _store.TryUpdateAsync(recorded with { Attempts = 1, HeldUntil = heldUntil }, CancellationToken.None);

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        _queue.VerifyNoOtherCalls();
        Assert.Equal(heldUntil, _store.NextCheckOf(s_card));
    }

    [Fact]
    public async Task A_delivery_whose_hold_ran_out_is_queued_again()
    {
        _store.Put(Card() with { Attempts = 1, HeldUntil = Now + _options.HoldTime });
        await _store.SetNextCheckAsync(s_card, Now, CancellationToken.None);
        _time.Advance(_options.HoldTime + _options.OverdueAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await _sweep.SweepAsync(CancellationToken.None));

        _queue.Verify(q => q.SendAsync(s_card, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_waiting_for_its_next_attempt_is_looked_at_again_then()
    {
        var next = Now.AddMinutes(10);
        _store.Put(Card() with { Attempts = 6, NextAttemptAt = next });
        // An index row from before the failure that set the next attempt.
        await _store.SetNextCheckAsync(s_card, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        _queue.VerifyNoOtherCalls();
        Assert.Equal(next, _store.NextCheckOf(s_card));
    }

    [Fact]
    public async Task A_delivered_or_missing_delivery_the_index_still_names_is_taken_out_of_it()
    {
        var missing = new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.Acknowledgement);
        _store.Put(Card() with { State = DeliveryState.Delivered, DeliveredAt = Now, Card = null });
        await _store.SetNextCheckAsync(s_card, Now, CancellationToken.None);
        await _store.SetNextCheckAsync(missing, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        Assert.False(_store.IsIndexed(s_card));
        Assert.False(_store.IsIndexed(missing));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_failed_delivery_is_left_for_an_operator_even_where_the_index_names_it_pending()
    {
        var failed = _store.Put(Card() with { State = DeliveryState.DeliveryFailed, Attempts = 10 });
        var other = _store.Put(Card(new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.ScreeningCard)) with { State = DeliveryState.DeliveryFailed, Attempts = 10 });
        await _store.SetNextCheckAsync(other.Id, Now, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await _sweep.SweepAsync(CancellationToken.None));

        Assert.Equal(failed, _store.Get(s_card));
        var reindexed = _store.Get(other.Id)!;
        Assert.Equal(other with { Version = null }, reindexed with { Version = null });
        Assert.Contains(reindexed, await _store.ListFailedAsync(CancellationToken.None).ToListAsync());
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Every_overdue_delivery_is_counted()
    {
        foreach (var kind in new[] { DeliveryKind.ScreeningEvent, DeliveryKind.ScreeningTask, DeliveryKind.ScreeningCard })
        {
            _store.Put(Card(new DeliveryId("OPE-2611-7K3F", kind, "mei@onepointentry.example")));
        }

        _store.Put(Card(new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.ScreeningCard, "mei@onepointentry.example")) with { State = DeliveryState.Delivered });
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(3, await _sweep.SweepAsync(CancellationToken.None));

        _queue.Verify(q => q.SendAsync(It.IsAny<DeliveryId>(), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(3));
    }
}
