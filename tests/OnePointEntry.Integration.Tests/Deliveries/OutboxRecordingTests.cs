using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Deliveries;
using OnePointEntry.Routing;

namespace OnePointEntry.Integration.Tests.Deliveries;

/// <summary>
/// Routing's three deliveries recorded against Azurite: together in two table requests and a queue message each on a
/// first run, and, when a run is repeated after part or all of it was done, each recorded on its own as before.
/// </summary>
public sealed class OutboxRecordingTests : IAsyncLifetime
{
    private const string Subject = "OPE-2611-7K3F";
    private const string Screener = "mei.chen@onepointentry.example";
    private static readonly DeliveryId s_event = new(Subject, DeliveryKind.ScreeningEvent, Screener);
    private static readonly DeliveryId s_task = new(Subject, DeliveryKind.ScreeningTask, Screener);
    private static readonly DeliveryId s_card = new(Subject, DeliveryKind.ScreeningCard, Screener);

    private readonly StorageRequestCounter _requests = new();
    private readonly StorageFixture _storage;

    public OutboxRecordingTests() => _storage = new StorageFixture(storageRequests: _requests);

    private IDeliveryStore Store => _storage.Services.GetRequiredService<IDeliveryStore>();

    public async Task InitializeAsync()
    {
        // The process's first delivery creates the table and the queue; what is measured comes after.
        await RecordAsync([Delivery.OfCard(new DeliveryId("OPE-2611-WARM", DeliveryKind.ScreeningCard, Screener), new TeamsCard("Warm-up", "Warm-up", [], null), _storage.Time.GetUtcNow())]);
        await _storage.Queues.GetQueueClient(_storage.Names.DeliveryQueue).ClearMessagesAsync();
        await Store.SetNextCheckAsync(new DeliveryId("OPE-2611-WARM", DeliveryKind.ScreeningCard, Screener), null, CancellationToken.None);
        _requests.Clear();
    }

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Three_deliveries_are_recorded_in_one_transaction_indexed_in_another_and_each_queued()
    {
        await RecordAsync(Routed("the first"));

        Assert.Equal(
            [
                "POST devstoreaccount1/$batch",
                "POST devstoreaccount1/$batch",
                .. Enumerable.Repeat($"POST /devstoreaccount1/{_storage.Names.DeliveryQueue}/messages", 3),
            ],
            _requests.Requests);
        foreach (var id in new[] { s_event, s_task, s_card })
        {
            var recorded = await FindAsync(id);
            Assert.Equal((DeliveryState.Pending, 0, _storage.Time.GetUtcNow()), (recorded.State, recorded.Attempts, recorded.RecordedAt));
        }

        Assert.Equal("[OPE-2611-7K3F] the first", (await FindAsync(s_task)).Task!.Title);
        Assert.Equal([s_card, s_event, s_task], await IndexedAsync());
        Assert.Equal([s_card, s_event, s_task], await QueuedAsync());
    }

    [Fact]
    public async Task A_repeat_after_one_of_three_was_recorded_adds_the_other_two_and_keeps_the_one()
    {
        // A run that stopped after the event's row: neither indexed nor queued.
        Assert.True(await Store.TryAddAsync(Routed("the first")[0], CancellationToken.None));
        await Store.SetNextCheckAsync(s_event, null, CancellationToken.None);
        var kept = (await FindAsync(s_event)).Version;

        await RecordAsync(Routed("the second"));

        Assert.Equal(kept, (await FindAsync(s_event)).Version);
        Assert.Equal("[OPE-2611-7K3F] the first", (await FindAsync(s_event)).Booking!.Subject);
        Assert.Equal("[OPE-2611-7K3F] the second", (await FindAsync(s_task)).Task!.Title);
        Assert.Equal(DeliveryState.Pending, (await FindAsync(s_card)).State);
        Assert.Equal([s_card, s_event, s_task], await IndexedAsync());
        Assert.Equal([s_card, s_event, s_task], await QueuedAsync());
    }

    [Fact]
    public async Task A_repeat_after_all_three_were_recorded_but_not_indexed_or_queued_indexes_and_queues_them_and_changes_none()
    {
        await RecordAsync(Routed("the first"));
        var recorded = await VersionsAsync();
        foreach (var id in new[] { s_event, s_task, s_card })
        {
            await Store.SetNextCheckAsync(id, null, CancellationToken.None);
        }

        await _storage.Queues.GetQueueClient(_storage.Names.DeliveryQueue).ClearMessagesAsync();

        await RecordAsync(Routed("the second"));

        Assert.Equal(recorded, await VersionsAsync());
        Assert.Equal([s_card, s_event, s_task], await IndexedAsync());
        Assert.Equal([s_card, s_event, s_task], await QueuedAsync());
    }

    [Fact]
    public async Task A_repeat_after_all_was_done_leaves_a_delivery_being_attempted_alone()
    {
        await RecordAsync(Routed("the first"));
        var eventRecorded = await FindAsync(s_event);
        Assert.NotNull(await Store.TryUpdateAsync(eventRecorded with { Attempts = 1, HeldUntil = _storage.Time.GetUtcNow().AddMinutes(5) }, CancellationToken.None));
        var held = (await FindAsync(s_event)).Version;
        await _storage.Queues.GetQueueClient(_storage.Names.DeliveryQueue).ClearMessagesAsync();
        _requests.Clear();

        await RecordAsync(Routed("the second"));

        // The failed transaction, then each on its own: the insert refused, the delivery read, indexed, and queued if due.
        Assert.Equal(1 + (3 * 3) + 2, _requests.Requests.Count);
        Assert.Equal(held, (await FindAsync(s_event)).Version);
        Assert.Equal("[OPE-2611-7K3F] the first", (await FindAsync(s_task)).Task!.Title);
        Assert.Equal([s_card, s_task], await QueuedAsync());
    }

    [Fact]
    public async Task A_replaced_delivery_recorded_again_is_recorded_anew_indexed_and_queued()
    {
        await RecordAsync(Routed("the first"));
        var delivered = await Store.TryUpdateAsync((await FindAsync(s_event)) with { State = DeliveryState.Delivered, Attempts = 1, Result = "event-1", Booking = null }, CancellationToken.None);
        Assert.NotNull(await Store.TryUpdateAsync(delivered! with { State = DeliveryState.Replaced }, CancellationToken.None));
        await _storage.Queues.GetQueueClient(_storage.Names.DeliveryQueue).ClearMessagesAsync();
        Assert.Equal([s_card, s_task], await IndexedAsync());

        await RecordAsync(Routed("the second"));

        var renewed = await FindAsync(s_event);
        Assert.Equal((DeliveryState.Pending, 0, null), (renewed.State, renewed.Attempts, renewed.Result));
        Assert.Equal("[OPE-2611-7K3F] the second", renewed.Booking!.Subject);
        Assert.Equal([s_card, s_event, s_task], await IndexedAsync());
        Assert.Equal([s_card, s_event, s_task], await QueuedAsync());
    }

    private Delivery[] Routed(string what)
    {
        var now = _storage.Time.GetUtcNow();
        var title = $"[{Subject}] {what}";
        return
        [
            Delivery.OfBooking(s_event, new ScreeningBooking(Screener, title, "<p>brief</p>", now.AddDays(2), Guid.NewGuid().ToString()), now),
            Delivery.OfTask(s_task, new ScreeningTask(Subject, Screener, title, "brief", now.AddDays(2)), now),
            Delivery.OfCard(s_card, new TeamsCard(title, "Screening for Mei Chen.", [], null), now),
        ];
    }

    private async Task RecordAsync(IEnumerable<Delivery> deliveries)
    {
        using var scope = _storage.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Outbox>().RecordAsync(deliveries, CancellationToken.None);
    }

    private async Task<List<string?>> VersionsAsync() =>
        [(await FindAsync(s_event)).Version, (await FindAsync(s_task)).Version, (await FindAsync(s_card)).Version];

    private async Task<Delivery> FindAsync(DeliveryId id) =>
        await Store.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No delivery {id}.");

    // What the sweep would find pending, whenever it looked.
    private async Task<List<DeliveryId>> IndexedAsync() =>
        [.. (await Store.ListOverdueAsync(_storage.Time.GetUtcNow().AddYears(1), CancellationToken.None).ToListAsync()).OrderBy(id => id.ToString(), StringComparer.Ordinal)];

    private async Task<List<DeliveryId>> QueuedAsync() =>
        [.. (await _storage.QueuedMessagesAsync(_storage.Names.DeliveryQueue)).Select(DeliveryMessage.Parse).OrderBy(id => id.ToString(), StringComparer.Ordinal)];
}
