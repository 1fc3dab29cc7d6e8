using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class OutboxTests
{
    private static readonly DeliveryId s_acknowledgement = new("OPE-2611-7K3F", DeliveryKind.Acknowledgement);
    private static readonly DeliveryId s_card = new("OPE-2611-7K3F", DeliveryKind.ScreeningCard, "mei@onepointentry.example");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _store = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Outbox _outbox;

    public OutboxTests()
    {
        _outbox = new Outbox(_store, _queue.Object, _time, NullLogger<Outbox>.Instance);
    }

    private Delivery Acknowledgement(string subject = "Re: 访问请求") =>
        Delivery.OfMail(s_acknowledgement, new OutgoingMail { To = ["li.na@example.cn"], Subject = subject, HtmlBody = "<p>OPE-2611-7K3F</p>" }, _time.GetUtcNow());

    private Delivery Card() => Delivery.OfCard(s_card, new TeamsCard("[OPE-2611-7K3F] Screening", "Screening for Mei", [], null), _time.GetUtcNow());

    [Fact]
    public async Task A_new_delivery_is_recorded_pending_and_queued_at_once()
    {
        await _outbox.RecordAsync([Acknowledgement(), Card()], CancellationToken.None);

        Assert.Equal(2, _store.Deliveries.Count);
        var recorded = _store.Get(s_acknowledgement)!;
        Assert.Equal((DeliveryState.Pending, 0, _time.GetUtcNow()), (recorded.State, recorded.Attempts, recorded.RecordedAt));
        Assert.Equal("Re: 访问请求", recorded.Mail!.Subject);
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.SendAsync(s_card, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Deliveries_about_one_subject_are_recorded_together_and_each_queued()
    {
        await _outbox.RecordAsync([Acknowledgement(), Card()], CancellationToken.None);

        Assert.Equal(1, _store.RecordedTogether);
        Assert.All(_store.Deliveries, delivery => Assert.Equal(_time.GetUtcNow(), _store.NextCheckOf(delivery.Id)));
    }

    [Fact]
    public async Task Deliveries_about_different_subjects_are_recorded_together_per_subject()
    {
        var other = new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.Acknowledgement);
        var otherCard = new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.ScreeningCard, "mei@onepointentry.example");

        await _outbox.RecordAsync([Acknowledgement(), Acknowledgement() with { Id = other }, Card(), Card() with { Id = otherCard }], CancellationToken.None);

        Assert.Equal(2, _store.RecordedTogether);
        Assert.Equal(4, _store.Deliveries.Count);
        _queue.Verify(q => q.SendAsync(It.IsAny<DeliveryId>(), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    [Fact]
    public async Task A_repeat_after_part_was_recorded_adds_the_rest_and_keeps_the_part_as_it_was()
    {
        var held = _store.Put(Card() with { Attempts = 1, HeldUntil = _time.GetUtcNow().AddMinutes(5) });

        await _outbox.RecordAsync([Acknowledgement(), Card()], CancellationToken.None);

        Assert.Equal(0, _store.RecordedTogether);
        Assert.Equal(held, _store.Get(s_card));
        Assert.Equal(DeliveryState.Pending, _store.Get(s_acknowledgement)!.State);
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_repeat_after_all_was_recorded_records_nothing_new_and_queues_each_pending_one_again()
    {
        await _outbox.RecordAsync([Acknowledgement(), Card()], CancellationToken.None);
        var recorded = _store.Deliveries.ToList();

        await _outbox.RecordAsync([Acknowledgement("the second"), Card()], CancellationToken.None);

        Assert.Equal(1, _store.RecordedTogether);
        Assert.Equal(recorded.ToHashSet(), _store.Deliveries.ToHashSet());
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _queue.Verify(q => q.SendAsync(s_card, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task The_same_delivery_twice_in_one_call_is_recorded_once()
    {
        await _outbox.RecordAsync([Acknowledgement("the first"), Acknowledgement("the second")], CancellationToken.None);

        Assert.Equal(0, _store.RecordedTogether);
        Assert.Equal("the first", Assert.Single(_store.Deliveries).Mail!.Subject);
    }

    [Fact]
    public async Task A_delivery_recorded_before_and_still_waiting_is_kept_as_it_was_and_queued_again()
    {
        var earlier = _store.Put(Acknowledgement("the first"));
        _time.Advance(TimeSpan.FromMinutes(3));

        await _outbox.RecordAsync([Acknowledgement("the second")], CancellationToken.None);

        Assert.Equal(earlier, Assert.Single(_store.Deliveries));
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_whose_next_attempt_is_due_is_queued_again()
    {
        _store.Put(Acknowledgement() with { Attempts = 2, NextAttemptAt = _time.GetUtcNow().AddSeconds(20), LastError = "Microsoft Graph: HttpRequestException: 503" });
        _time.Advance(TimeSpan.FromSeconds(20));

        await _outbox.RecordAsync([Acknowledgement()], CancellationToken.None);

        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    public static TheoryData<string> NotToQueue() => ["waiting for its next attempt", "held by an attempt", "delivered", "failed"];

    [Theory]
    [MemberData(nameof(NotToQueue))]
    public async Task A_delivery_recorded_before_that_is_not_waiting_is_neither_changed_nor_queued(string state)
    {
        var now = _time.GetUtcNow();
        var earlier = _store.Put(state switch
        {
            "waiting for its next attempt" => Acknowledgement() with { Attempts = 1, NextAttemptAt = now.AddSeconds(10) },
            "held by an attempt" => Acknowledgement() with { Attempts = 1, HeldUntil = now.AddMinutes(5) },
            "delivered" => Acknowledgement() with { State = DeliveryState.Delivered, Attempts = 1, DeliveredAt = now, Mail = null },
            _ => Acknowledgement() with { State = DeliveryState.DeliveryFailed, Attempts = 10, LastError = "Microsoft Graph: ODataError: 403" },
        });

        await _outbox.RecordAsync([Acknowledgement("the second")], CancellationToken.None);

        Assert.Equal(earlier, Assert.Single(_store.Deliveries));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Recording_nothing_does_nothing_and_recording_null_is_refused()
    {
        await _outbox.RecordAsync([], CancellationToken.None);

        Assert.Empty(_store.Deliveries);
        _queue.VerifyNoOtherCalls();
        await Assert.ThrowsAsync<ArgumentNullException>(() => _outbox.RecordAsync(null!, CancellationToken.None));
    }

    [Fact]
    public async Task The_deliveries_about_one_subject_are_listed_together()
    {
        var other = new DeliveryId("OPE-2611-9ZZZ", DeliveryKind.Acknowledgement);
        await _outbox.RecordAsync([Acknowledgement(), Card(), Acknowledgement() with { Id = other }], CancellationToken.None);

        var about = await _outbox.ListAboutAsync("OPE-2611-7K3F", CancellationToken.None);

        Assert.Equal(new HashSet<DeliveryId> { s_acknowledgement, s_card }, about.Select(delivery => delivery.Id).ToHashSet());
    }

    [Fact]
    public async Task A_failed_delivery_resent_is_pending_with_a_fresh_count_and_queued()
    {
        _store.Put(Acknowledgement() with { State = DeliveryState.DeliveryFailed, Attempts = 10, NextAttemptAt = null, LastError = "Microsoft Graph: ODataError: 403" });
        _time.Advance(TimeSpan.FromHours(2));

        var (resent, wasResent) = await _outbox.ResendAsync(s_acknowledgement, CancellationToken.None);

        Assert.True(wasResent);
        Assert.NotNull(resent);
        Assert.Equal(resent, _store.Get(s_acknowledgement));
        Assert.Equal((DeliveryState.Pending, 0, null, null), (resent.State, resent.Attempts, resent.NextAttemptAt, resent.HeldUntil));
        Assert.Equal("Re: 访问请求", resent.Mail!.Subject);
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(await ListFailedAsync());
    }

    [Fact]
    public async Task A_resend_pressed_twice_sends_once()
    {
        _store.Put(Acknowledgement() with { State = DeliveryState.DeliveryFailed, Attempts = 10 });

        var (first, _) = await _outbox.ResendAsync(s_acknowledgement, CancellationToken.None);
        var (second, resentAgain) = await _outbox.ResendAsync(s_acknowledgement, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.False(resentAgain);
        _queue.Verify(q => q.SendAsync(s_acknowledgement, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(DeliveryState.Pending)]
    [InlineData(DeliveryState.Delivered)]
    public async Task A_delivery_that_has_not_failed_is_not_resent(DeliveryState state)
    {
        var recorded = _store.Put(Acknowledgement() with { State = state, Attempts = 3, NextAttemptAt = _time.GetUtcNow().AddMinutes(1) });

        Assert.Equal((recorded, false), await _outbox.ResendAsync(s_acknowledgement, CancellationToken.None));

        Assert.Equal(recorded, _store.Get(s_acknowledgement));
        Assert.Empty(_store.Updates);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Resending_a_delivery_that_is_not_recorded_finds_none()
    {
        Assert.Null((await _outbox.ResendAsync(s_acknowledgement, CancellationToken.None)).Delivery);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_resend_that_meets_a_change_reads_the_delivery_again()
    {
        var failed = Acknowledgement() with { State = DeliveryState.DeliveryFailed, Attempts = 10, Version = "1" };
        var store = new Mock<IDeliveryStore>();
        store.SetupSequence(s => s.FindAsync(s_acknowledgement, It.IsAny<CancellationToken>()))
            .ReturnsAsync(failed)
            .ReturnsAsync(failed with { Version = "2" });
        store.Setup(s => s.TryUpdateAsync(It.Is<Delivery>(d => d.Version == "1"), It.IsAny<CancellationToken>())).ReturnsAsync((Delivery?)null);
        store.Setup(s => s.TryUpdateAsync(It.Is<Delivery>(d => d.Version == "2"), It.IsAny<CancellationToken>())).ReturnsAsync((Delivery d, CancellationToken _) => d with { Version = "3" });
        var outbox = new Outbox(store.Object, _queue.Object, _time, NullLogger<Outbox>.Instance);

        var (resent, _) = await outbox.ResendAsync(s_acknowledgement, CancellationToken.None);

        Assert.Equal((DeliveryState.Pending, 0, "3"), (resent!.State, resent.Attempts, resent.Version));
        _queue.Verify(q => q.SendAsync(s_acknowledgement, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_resend_that_keeps_meeting_changes_gives_up_without_queueing()
    {
        var store = new Mock<IDeliveryStore>();
        store.Setup(s => s.FindAsync(s_acknowledgement, It.IsAny<CancellationToken>())).ReturnsAsync(Acknowledgement() with { State = DeliveryState.DeliveryFailed, Version = "1" });
        store.Setup(s => s.TryUpdateAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>())).ReturnsAsync((Delivery?)null);
        var outbox = new Outbox(store.Object, _queue.Object, _time, NullLogger<Outbox>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.ResendAsync(s_acknowledgement, CancellationToken.None));

        store.Verify(s => s.TryUpdateAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        _queue.VerifyNoOtherCalls();
    }

    private async Task<List<Delivery>> ListFailedAsync()
    {
        var failed = new List<Delivery>();
        await foreach (var delivery in _outbox.ListFailedAsync(CancellationToken.None))
        {
            failed.Add(delivery);
        }

        return failed;
    }
}
