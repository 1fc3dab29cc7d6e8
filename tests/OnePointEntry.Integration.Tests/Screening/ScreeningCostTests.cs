using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft365StandIn;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Routing;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Integration.Tests.Enquiries;
using OnePointEntry.Queues;
using Xunit.Abstractions;

namespace OnePointEntry.Integration.Tests.Screening;

/// <summary>
/// What one form enquiry costs in storage and Graph requests at each step (intake, screening, routing, the outbox's
/// deliveries), counted on the wire through the app's own composition against Azurite and the Microsoft 365
/// stand-in: the same with an empty month as with a month already holding well over a thousand enquiries; and
/// screening's one calendar request, only when availability can decide.
/// </summary>
public sealed class ScreeningCostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int AlreadyStored = 1_200;
    private static readonly string[] s_reasons = ["Chosen"];
    private static readonly string[] s_maritime = ["maritime-logistics"];

    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly StorageRequestCounter _storageRequests = new();
    private StorageFixture _storage = null!;

    public Task InitializeAsync()
    {
        _storage = new StorageFixture(_m365, storageRequests: _storageRequests);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
        _m365.Dispose();
    }

    [Fact]
    public async Task One_enquiry_costs_the_same_requests_in_an_empty_month_as_in_a_month_of_a_thousand_and_more()
    {
        // The first enquiry of a process also creates tables and queues, reads the directories and takes a token.
        await SendThroughAsync("Warm-up Bureau");
        var empty = await SendThroughAsync("Jiaxing Municipal Bureau of Commerce");
        await StoreEarlierEnquiriesAsync(empty.Month, AlreadyStored);
        var full = await SendThroughAsync("Ningbo Municipal Bureau of Commerce");

        output.WriteLine($"Requests per form enquiry, month empty → {AlreadyStored:N0} enquiries stored already:");
        output.WriteLine($"  intake     storage {empty.Intake.Count} → {full.Intake.Count}");
        output.WriteLine($"  screening  storage {empty.Screening.Count} → {full.Screening.Count}, Graph {empty.ScreeningGraph.Count} → {full.ScreeningGraph.Count}");
        output.WriteLine($"  routing    storage {empty.Routing.Count} → {full.Routing.Count}, Graph {empty.RoutingGraph.Count} → {full.RoutingGraph.Count}");
        output.WriteLine($"  deliveries storage {empty.Delivery.Count} → {full.Delivery.Count}, Graph {empty.DeliveryGraph.Count} → {full.DeliveryGraph.Count}");
        foreach (var (step, requests) in new[] { ("intake", full.Intake), ("screening", full.Screening), ("screening Graph", full.ScreeningGraph), ("routing", full.Routing), ("deliveries", full.Delivery), ("deliveries Graph", full.DeliveryGraph) })
        {
            output.WriteLine($"{step}:");
            foreach (var request in requests)
            {
                output.WriteLine($"  {request}");
            }
        }

        Assert.Equal(Shape(empty.Intake), Shape(full.Intake));
        Assert.Equal(Shape(empty.Screening), Shape(full.Screening));
        Assert.Equal(Shape(empty.Routing), Shape(full.Routing));
        Assert.Equal(Shape(empty.Delivery), Shape(full.Delivery));
        Assert.Equal(empty.ScreeningGraph.Count + empty.DeliveryGraph.Count, full.ScreeningGraph.Count + full.DeliveryGraph.Count);
        // Intake: the enquiry with its marks in one transaction, and the screening message. Nothing is looked up first.
        Assert.Equal(2, full.Intake.Count);
        // Mei Chen is the only Chinese reader, so no calendar could change the choice and none is read; and no
        // query of the month's enquiries.
        Assert.Empty(empty.ScreeningGraph);
        Assert.Empty(full.ScreeningGraph);
        Assert.DoesNotContain(full.Screening, request => request.Contains("Status eq", StringComparison.Ordinal));
        Assert.Empty(full.RoutingGraph);
    }

    [Fact]
    public async Task Screeners_tied_after_language_expertise_and_load_have_their_calendars_read_in_one_getSchedule()
    {
        // Both read English, neither knows maritime logistics, neither has an open screening: availability decides.
        var cost = await SendThroughAsync("Port of Ningbo Authority", json =>
        {
            json["language"] = "en";
            json["purpose"] = "We would like to visit the Port of Aarhus and see how its container terminal is run.";
            json["themes"] = s_maritime;
        });

        // Screening's, then the booking's for the one chosen.
        var schedules = _m365.RequestsTo("POST", "/calendar/getSchedule$");
        Assert.Equal(2, schedules.Count);
        Assert.Equal($"POST {schedules[0].Path}", Assert.Single(cost.ScreeningGraph));
        Assert.Equal(
            ["lars.holm@onepointentry.example", "mei.chen@onepointentry.example"],
            schedules[0].Json!["schedules"]!.AsArray().Select(schedule => schedule!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private sealed record Cost(string Month, List<string> Intake, List<string> Screening, List<string> ScreeningGraph, List<string> Routing, List<string> RoutingGraph, List<string> Delivery, List<string> DeliveryGraph);

    private async Task<Cost> SendThroughAsync(string organisation, Action<Dictionary<string, object?>>? change = null)
    {
        var json = SubmitEnquiryTests.ValidJson();
        json["organisation"] = organisation;
        json["contactEmail"] = $"office-{Guid.NewGuid():N}@example.cn";
        change?.Invoke(json);
        // With an Idempotency-Key, as the form's own script sends it: a second mark in the same transaction.
        var request = HttpRequests.Json(json, idempotencyKey: Guid.NewGuid().ToString());

        var (intake, _) = await CountAsync(async () =>
        {
            var (status, _, _, _) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
            Assert.Equal(202, status);
        });
        var reference = await LatestReferenceAsync(organisation);
        var message = ReferenceMessage.Create(reference);
        var (screening, screeningGraph) = await CountAsync(() => _storage.Create<ScreenEnquiry>().Run(message, 1, CancellationToken.None));
        Assert.Equal(EnquiryStatus.Screened.ToString(), (await RowAsync(reference)).GetString("Status"));
        var (routing, routingGraph) = await CountAsync(() => _storage.Create<RouteEnquiry>().Run(message, 1, CancellationToken.None));
        var (delivery, deliveryGraph) = await CountAsync(async () => Assert.Equal(3, await _storage.DeliverQueuedAsync()));
        return new Cost(reference.ReceivedMonth, intake, screening, screeningGraph, routing, routingGraph, delivery, deliveryGraph);
    }

    private async Task<(List<string> Storage, List<string> Graph)> CountAsync(Func<Task> step)
    {
        _storageRequests.Clear();
        var graphBefore = _m365.Requests.Count;
        await step();
        return ([.. _storageRequests.Requests], [.. _m365.Requests.Skip(graphBefore).Select(request => $"{request.Method} {request.Path}")]);
    }

    // Requests differ by the reference, hashes and message ids they name, and deliveries come off their queue in any
    // order; what must not differ is which requests and how many.
    private static List<string> Shape(List<string> requests) =>
        [.. requests.Select(request => Regex.Replace(request, "OPE-[0-9]{4}-[0-9A-Z]{4}|[0-9a-f]{32,}|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "…")).Order(StringComparer.Ordinal)];

    private async Task<EnquiryReference> LatestReferenceAsync(string organisation)
    {
        var row = (await _storage.StoredEnquiriesAsync()).Single(entity => entity.GetString("Organisation") == organisation);
        return EnquiryReference.TryParse(row.RowKey, out var reference) ? reference : throw new InvalidOperationException($"Row {row.RowKey} is no enquiry.");
    }

    private async Task<TableEntity> RowAsync(EnquiryReference reference) =>
        (await _storage.EnquiriesTable.GetEntityAsync<TableEntity>(reference.ReceivedMonth, reference.ToString())).Value;

    // Screened and routed enquiries decided for the same screener, written as rows from before the load counters:
    // what the screening used to list and count for every enquiry.
    private async Task StoreEarlierEnquiriesAsync(string month, int count)
    {
        var date = new DateOnly(int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture), 1);
        var decision = JsonSerializer.Serialize(new { outcome = "AssignedToScreener", screener = new { staffId = "mei.chen@onepointentry.example", staffName = "Mei Chen", isFallback = false, reasons = s_reasons } });
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (references.Count < count)
        {
            references.Add(EnquiryReference.New(date).ToString());
        }

        foreach (var batch in references.Chunk(100))
        {
            await _storage.EnquiriesTable.SubmitTransactionAsync(batch.Select((reference, i) => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(month, reference)
            {
                ["Kind"] = "Enquiry",
                ["Source"] = "WebForm",
                ["ReceivedAt"] = DateTimeOffset.UtcNow,
                ["Status"] = i % 2 == 0 ? "Routed" : "Screened",
                ["Organisation"] = "An earlier delegation",
                ["Decision"] = decision,
            })));
        }
    }
}
