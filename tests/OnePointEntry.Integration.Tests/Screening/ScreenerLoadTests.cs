using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Routing;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Integration.Tests.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Retention;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;

namespace OnePointEntry.Integration.Tests.Screening;

/// <summary>
/// Screeners' open load as the counters in each month's partition keep it, through every step that changes whom an
/// enquiry counts toward, against Azurite.
/// </summary>
public sealed class ScreenerLoadTests : IAsyncLifetime
{
    private const string Mei = "mei.chen@onepointentry.example";
    private const string Lars = "lars.holm@onepointentry.example";

    private readonly StorageFixture _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    private IEnquiryStore Store => _storage.Services.GetRequiredService<IEnquiryStore>();

    [Fact]
    public async Task The_load_follows_screening_routing_a_new_screener_and_the_screeners_decision()
    {
        var reference = await SubmitAsync("Jiaxing Municipal Bureau of Commerce");
        var month = reference.ReceivedMonth;
        Assert.Empty(await LoadAsync(month));

        await _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        Assert.Equal(Load((Mei, 1)), await LoadAsync(month));

        await _storage.Create<RouteEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        Assert.Equal(EnquiryStatus.Routed, (await Store.FindAsync(reference, CancellationToken.None))!.Status);
        Assert.Equal(Load((Mei, 1)), await LoadAsync(month));

        await _storage.Create<ScreenerReassignment>().ReassignAsync(reference, Lars, Lars, CancellationToken.None);
        Assert.Equal(Load((Mei, 0), (Lars, 1)), await LoadAsync(month));

        await _storage.Create<RouteEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        await _storage.Create<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.Accepted, Lars, null, null, CancellationToken.None);
        Assert.Equal(EnquiryStatus.Accepted, (await Store.FindAsync(reference, CancellationToken.None))!.Status);
        Assert.Equal(Load((Mei, 0), (Lars, 0)), await LoadAsync(month));

        // Erasure keeps what the enquiry counts toward (nothing, now) and moves no counter.
        await _storage.Create<PersonalDataEraser>().EraseAsync(reference, Lars, ErasureReason.Request, CancellationToken.None);
        Assert.Equal(Load((Mei, 0), (Lars, 0)), await LoadAsync(month));
    }

    [Fact]
    public async Task Screenings_racing_each_other_and_repeated_messages_count_each_open_screening_once()
    {
        var references = new List<EnquiryReference>();
        for (var i = 0; i < 12; i++)
        {
            references.Add(await SubmitAsync($"Municipal Bureau of Commerce no. {i}"));
        }

        // Every screening twice and all at once: the races on one screener's counter and the repeats of one step.
        await Task.WhenAll(references.Concat(references).Select(reference =>
            Task.Run(() => _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None))));

        var month = references[0].ReceivedMonth;
        var screened = await Task.WhenAll(references.Select(reference => Store.FindAsync(reference, CancellationToken.None)));
        var expected = screened
            .Where(enquiry => enquiry!.Status == EnquiryStatus.Screened)
            .GroupBy(enquiry => enquiry!.Decision!.Screener!.StaffId!, StringComparer.OrdinalIgnoreCase)
            .Select(group => (group.Key, group.Count()))
            .ToArray();
        Assert.Equal(12, expected.Sum(counter => counter.Item2));
        Assert.Equal(Load(expected), await LoadAsync(month));
    }

    [Fact]
    public async Task A_counter_another_process_moved_since_this_one_wrote_it_is_read_again_not_overwritten()
    {
        var reference = await SubmitAsync("Jiaxing Municipal Bureau of Commerce");
        await _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        await _storage.Create<RouteEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        // Another worker screened four more for Mei meanwhile.
        var counter = Assert.Single(await CountersOfAsync(reference.ReceivedMonth, Mei));
        counter["Count"] = 5;
        await _storage.EnquiriesTable.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace);

        await _storage.Create<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.Accepted, Mei, null, null, CancellationToken.None);

        Assert.Equal(EnquiryStatus.Accepted, (await Store.FindAsync(reference, CancellationToken.None))!.Status);
        Assert.Equal(Load((Mei, 4)), await LoadAsync(reference.ReceivedMonth));
    }

    [Fact]
    public async Task An_enquiry_stored_before_the_counters_counts_for_nobody_and_finishing_it_takes_nothing_off()
    {
        var reference = await SubmitAsync("Jiaxing Municipal Bureau of Commerce");
        await _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        await _storage.Create<RouteEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        // As a routed enquiry written before the counters existed: no column naming whom it counts toward, no counter.
        var row = (await _storage.StoredEnquiriesAsync()).Single(entity => entity.RowKey == reference.ToString());
        Assert.Equal(Mei, row.GetString("LoadOf"));
        row.Remove("LoadOf");
        await _storage.EnquiriesTable.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        foreach (var counter in await CountersOfAsync(reference.ReceivedMonth, Mei))
        {
            await _storage.EnquiriesTable.DeleteEntityAsync(counter);
        }

        Assert.Empty(await LoadAsync(reference.ReceivedMonth));

        await _storage.Create<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.Declined, Mei, null, null, CancellationToken.None);

        Assert.Equal(EnquiryStatus.Declined, (await Store.FindAsync(reference, CancellationToken.None))!.Status);
        Assert.Empty(await LoadAsync(reference.ReceivedMonth));
    }

    [Fact]
    public async Task The_counters_stay_out_of_the_months_enquiries_worklist_and_statistics()
    {
        var reference = await SubmitAsync("Jiaxing Municipal Bureau of Commerce");
        await _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);

        var listed = new List<Enquiry>();
        await foreach (var enquiry in Store.ListReceivedAsync(CalendarMonth.InCopenhagen(_storage.Time.GetUtcNow()), CalendarMonth.InCopenhagen(_storage.Time.GetUtcNow()), CancellationToken.None))
        {
            listed.Add(enquiry);
        }

        Assert.Equal([reference], listed.Select(enquiry => enquiry.Reference));
        Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Single(await CountersOfAsync(reference.ReceivedMonth, Mei));
    }

    [Fact]
    public async Task A_counter_written_in_one_row_before_counters_were_split_still_counts_and_is_taken_off_when_its_enquiry_finishes()
    {
        var reference = await SubmitAsync("Jiaxing Municipal Bureau of Commerce");
        await _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        await _storage.Create<RouteEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None);
        // As the month was before the split: the screener's whole load in one row named after them alone.
        var split = Assert.Single(await CountersOfAsync(reference.ReceivedMonth, Mei));
        Assert.StartsWith("load-" + Mei + "~", split.RowKey, StringComparison.Ordinal);
        await _storage.EnquiriesTable.DeleteEntityAsync(split);
        await _storage.EnquiriesTable.AddEntityAsync(new TableEntity(reference.ReceivedMonth, "load-" + Mei) { ["Kind"] = "LoadCounter", ["StaffId"] = Mei, ["Count"] = 1 });
        Assert.Equal(Load((Mei, 1)), await LoadAsync(reference.ReceivedMonth));

        await _storage.Create<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.Accepted, Mei, null, null, CancellationToken.None);

        Assert.Equal(Load((Mei, 0)), await LoadAsync(reference.ReceivedMonth));
    }

    [Fact]
    public async Task A_burst_spreads_each_screeners_load_over_their_counter_rows_which_add_up_to_every_screening()
    {
        var references = new List<EnquiryReference>();
        for (var i = 0; i < 24; i++)
        {
            references.Add(await SubmitAsync($"Jiaxing Municipal Bureau of Commerce {i}"));
        }

        await Task.WhenAll(references.Select(reference => _storage.Create<ScreenEnquiry>().Run(ReferenceMessage.Create(reference), 1, CancellationToken.None)));

        var month = references[0].ReceivedMonth;
        var counters = await CountersAsync(month);
        Assert.Equal(24, counters.Sum(counter => counter.GetInt32("Count")));
        Assert.Equal(24, (await Store.ReadOpenLoadAsync(month, CancellationToken.None)).Values.Sum());
        // Whoever took the most (the team lead, once the others were full) has them in more than one row.
        var busiest = counters.GroupBy(counter => counter.GetString("StaffId"), StringComparer.OrdinalIgnoreCase).MaxBy(rows => rows.Sum(counter => counter.GetInt32("Count")))!;
        Assert.InRange(busiest.Count(), 2, 8);
    }

    // The counter rows in the month's partition; a screener's load is the sum of theirs.
    private async Task<List<TableEntity>> CountersAsync(string month) =>
        [.. (await _storage.EnquiriesTable.QueryAsync<TableEntity>(entity => entity.PartitionKey == month).ToListAsync())
            .Where(entity => entity.RowKey.StartsWith("load-", StringComparison.Ordinal))];

    private async Task<List<TableEntity>> CountersOfAsync(string month, string staffId) =>
        [.. (await CountersAsync(month)).Where(entity => string.Equals(entity.GetString("StaffId"), staffId, StringComparison.OrdinalIgnoreCase))];

    // Written out and sorted, so that a failure shows both sides plainly.
    private static List<string> Load(params (string StaffId, int Open)[] counters) =>
        [.. counters.Select(counter => $"{counter.StaffId.ToLowerInvariant()}={counter.Open}").Order(StringComparer.Ordinal)];

    private async Task<List<string>> LoadAsync(string month) =>
        Load([.. (await Store.ReadOpenLoadAsync(month, CancellationToken.None)).Select(pair => (pair.Key, pair.Value))]);

    private async Task<EnquiryReference> SubmitAsync(string organisation)
    {
        var json = SubmitEnquiryTests.ValidJson();
        json["organisation"] = organisation;
        json["contactEmail"] = $"office{organisation.Length}-{Guid.NewGuid():N}@example.cn";
        var request = HttpRequests.Json(json);
        var (status, _, _, body) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(202, status);
        return EnquiryReference.TryParse(body.GetProperty("reference").GetString(), out var reference) ? reference : throw new InvalidOperationException("No reference.");
    }
}
