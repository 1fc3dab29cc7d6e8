using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class OvertakenAttemptTests
{
    private static readonly DeliveryId s_card = new("OPE-2611-7K3F", DeliveryKind.ScreeningCard, "mei@onepointentry.example");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDeliveryStore _store = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<ITeamsNotifier> _teams = new();
    private readonly Mock<IDependencyFailureReader> _failures = new();
    private readonly DeliveryOptions _options = new();

    private OutboxSender Sender() => new(
        _store, _queue.Object, Mock.Of<IMailbox>(), Mock.Of<IMailSender>(), Mock.Of<IScreeningCalendar>(), Mock.Of<IScreeningTaskBoard>(), _teams.Object,
        _failures.Object, _options, _time, NullLogger<OutboxSender>.Instance);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_slow_attempt_that_fails_after_another_delivered_leaves_the_delivery_delivered(bool permanent)
    {
        _store.Put(Delivery.OfCard(s_card, new TeamsCard("t", "s", [], null), _time.GetUtcNow()));
        _failures.Setup(f => f.Read(It.IsAny<Exception>())).Returns(new DependencyFailure("Teams", null, permanent));
        var calls = 0;
        _teams.Setup(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>())).Returns(async () =>
        {
            if (++calls == 1)
            {
                // The first attempt outlives its hold; the sweep's message starts a second, which delivers.
                _time.Advance(_options.HoldTime + TimeSpan.FromSeconds(1));
                Assert.Equal(DeliveryState.Delivered, await Sender().DeliverAsync(s_card, CancellationToken.None));
                throw new HttpRequestException("Bad gateway");
            }
        });

        await Sender().DeliverAsync(s_card, CancellationToken.None);

        var delivery = _store.Get(s_card)!;
        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public async Task A_slow_attempt_that_fails_while_another_holds_the_delivery_leaves_that_hold_alone()
    {
        _store.Put(Delivery.OfCard(s_card, new TeamsCard("t", "s", [], null), _time.GetUtcNow()));
        _failures.Setup(f => f.Read(It.IsAny<Exception>())).Returns(new DependencyFailure("Teams", null, false));
        Delivery? heldBySecond = null;
        _teams.Setup(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>())).Returns(async () =>
        {
            // The first attempt outlives its hold; a second attempt takes hold (as OutboxSender does) and is still running.
            _time.Advance(_options.HoldTime + TimeSpan.FromSeconds(1));
            var current = _store.Get(s_card)!;
            heldBySecond = await _store.TryUpdateAsync(current with { Attempts = current.Attempts + 1, HeldUntil = _time.GetUtcNow() + _options.HoldTime }, CancellationToken.None);
            throw new HttpRequestException("Bad gateway");
        });

        await Sender().DeliverAsync(s_card, CancellationToken.None);

        Assert.Equal(heldBySecond!.HeldUntil, _store.Get(s_card)!.HeldUntil);
    }

    [Fact]
    public async Task The_sweep_mends_the_index_of_a_failed_delivery_it_names_as_pending()
    {
        var failed = _store.Put(Delivery.OfCard(s_card, new TeamsCard("t", "s", [], null), _time.GetUtcNow()) with { State = DeliveryState.DeliveryFailed, Attempts = 10 });
        // The index row written before the failure was saved, e.g. a sweep's next check racing the attempt that failed.
        await _store.SetNextCheckAsync(s_card, _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        await new OutboxSweep(_store, _queue.Object, _options, _time, NullLogger<OutboxSweep>.Instance).SweepAsync(CancellationToken.None);

        var probe = await new FailedDeliveriesProbe(_store).CheckAsync(CancellationToken.None);
        Assert.Equal(OnePointEntry.Health.HealthState.Degraded, probe.State);
    }
}
