using OnePointEntry.Deliveries;
using OnePointEntry.Health;
using OnePointEntry.Routing;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class FailedDeliveriesProbeTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryDeliveryStore _store = new();
    private readonly FailedDeliveriesProbe _probe;

    public FailedDeliveriesProbeTests()
    {
        _probe = new FailedDeliveriesProbe(_store);
    }

    private static Delivery Card(string subject, DeliveryState state) =>
        Delivery.OfCard(new DeliveryId(subject, DeliveryKind.ScreeningCard, "mei@onepointentry.example"), new TeamsCard("Screening", "Screening for Mei", [], null), s_now) with { State = state };

    [Fact]
    public async Task Healthy_while_every_delivery_is_delivered_or_on_its_way()
    {
        _store.Put(Card("OPE-2611-7K3F", DeliveryState.Delivered));
        _store.Put(Card("OPE-2611-9ZZZ", DeliveryState.Pending));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Healthy, result.State);
        Assert.Equal(0, result.Data!["failed"]);
        Assert.Equal(("deliveries", false), (_probe.Name, _probe.Essential));
    }

    [Fact]
    public async Task Degraded_while_a_delivery_failed_naming_it_and_where_to_resend_it()
    {
        _store.Put(Card("OPE-2611-7K3F", DeliveryState.DeliveryFailed));
        _store.Put(Card("OPE-2611-9ZZZ", DeliveryState.Pending));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Degraded, result.State);
        Assert.StartsWith("1 deliveries failed", result.Description, StringComparison.Ordinal);
        Assert.Contains("/api/operations/deliveries", result.Description, StringComparison.Ordinal);
        Assert.Equal(1, result.Data!["failed"]);
        Assert.Equal(["OPE-2611-7K3F~ScreeningCard~mei@onepointentry.example"], Assert.IsType<List<string>>(result.Data["deliveries"]));
    }

    [Fact]
    public async Task Many_failed_deliveries_are_listed_twenty_at_most()
    {
        for (var i = 0; i < 25; i++)
        {
            _store.Put(Card($"report-2026-{i:D2}", DeliveryState.DeliveryFailed));
        }

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Degraded, result.State);
        Assert.StartsWith("At least 20 deliveries failed", result.Description, StringComparison.Ordinal);
        Assert.Equal(20, Assert.IsType<List<string>>(result.Data!["deliveries"]).Count);
    }
}
