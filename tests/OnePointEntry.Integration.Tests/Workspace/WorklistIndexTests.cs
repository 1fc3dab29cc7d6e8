using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Statistics;
using OnePointEntry.Workspace;

namespace OnePointEntry.Integration.Tests.Workspace;

/// <summary>The worklist's index in Table Storage: kept in the enquiry's own transaction, so it is true under any interleaving.</summary>
public sealed class WorklistIndexTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new(seedDirectories: false);

    private IEnquiryStore Store => _storage.Services.GetRequiredService<IEnquiryStore>();

    private IWorklistIndex Index => _storage.Services.GetRequiredService<IWorklistIndex>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task An_enquiry_is_on_the_worklist_exactly_while_its_status_needs_someone()
    {
        var reference = await AddAsync(EnquiryStatus.NeedsManualReview);
        Assert.Equal(WorkState.ManualReview, (await EntryAsync(reference))?.State);

        await MoveAsync(reference, EnquiryStatus.Screened);
        Assert.Null(await EntryAsync(reference));

        await MoveAsync(reference, EnquiryStatus.Routed);
        Assert.Equal(WorkState.AwaitingDecision, (await EntryAsync(reference))?.State);

        await MoveAsync(reference, EnquiryStatus.Declined);
        Assert.Null(await EntryAsync(reference));
        Assert.Empty(await Index.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_enquiry_that_was_open_before_the_index_existed_still_moves_on()
    {
        var reference = await AddAsync(EnquiryStatus.Routed);
        var table = _storage.Tables.GetTableClient(_storage.Names.EnquiriesTable);
        await table.DeleteEntityAsync(reference.ReceivedMonth, "work-" + reference, Azure.ETag.All);

        await MoveAsync(reference, EnquiryStatus.Declined);

        Assert.Equal(EnquiryStatus.Declined, (await Store.FindAsync(reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Concurrent_corrections_of_one_version_save_one_and_the_index_shows_what_was_saved()
    {
        var reference = await AddAsync(EnquiryStatus.NeedsManualReview);
        var read = (await Store.FindAsync(reference, CancellationToken.None))!;
        string[] countries = ["SE", "NO", "DE", "FR", "JP", "KR", "VN", "BR"];

        var results = await Task.WhenAll(countries.Select(country => Task.Run(() =>
            _storage.Services.CreateScope().ServiceProvider.GetRequiredService<EnquiryCorrection>().CorrectAsync(
                reference, EnquiryVersionTag.Of(read.Version!), new Dictionary<string, string?> { ["country"] = country }, "staff@ope", CancellationToken.None))));

        Assert.Single(results, result => result.Outcome == CorrectionOutcome.Corrected);
        Assert.Equal(countries.Length - 1, results.Count(result => result.Outcome == CorrectionOutcome.Conflict));
        var stored = (await Store.FindAsync(reference, CancellationToken.None))!;
        Assert.Equal(EnquiryFacts.Of(stored).CountryCode, (await EntryAsync(reference))!.CountryCode);
        Assert.Single(await Store.ListCorrectionsAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task Corrections_and_status_changes_interleaved_leave_the_index_equal_to_the_enquiry()
    {
        var references = new List<EnquiryReference>();
        for (var i = 0; i < 4; i++)
        {
            references.Add(await AddAsync(EnquiryStatus.Routed));
        }

        string[] countries = ["SE", "NO", "DE", "FR"];
        var work = references.SelectMany(reference => Enumerable.Range(0, 6).Select(round => Task.Run(async () =>
        {
            using var scope = _storage.Services.CreateScope();
            if (round == 3)
            {
                await scope.ServiceProvider.GetRequiredService<EnquiryStatusUpdate>().ChangeAsync(reference, EnquiryStatus.Accepted, "lead@ope", null, null, CancellationToken.None);
                return;
            }

            // Each keeps trying until its correction lands on the version it read.
            var correction = scope.ServiceProvider.GetRequiredService<EnquiryCorrection>();
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var current = (await Store.FindAsync(reference, CancellationToken.None))!;
                var result = await correction.CorrectAsync(
                    reference, EnquiryVersionTag.Of(current.Version!), new Dictionary<string, string?> { ["country"] = countries[round % countries.Length], ["delegationSize"] = $"{round + 2}" }, "staff@ope", CancellationToken.None);
                if (result.Outcome != CorrectionOutcome.Conflict)
                {
                    return;
                }
            }
        })));
        await Task.WhenAll(work);

        var open = await Index.ListOpenAsync(CancellationToken.None);
        foreach (var reference in references)
        {
            var stored = (await Store.FindAsync(reference, CancellationToken.None))!;
            Assert.Equal(EnquiryStatus.Accepted, stored.Status);
            Assert.Equivalent(WorklistEntry.Of(stored), open.Single(entry => entry.Reference == reference));
        }
    }

    [Fact]
    public async Task The_statistics_count_the_corrected_facts_of_an_enquiry_received_and_of_a_delegation_facilitated()
    {
        var month = CalendarMonth.Of(CopenhagenTime.DateOf(_storage.Time.GetUtcNow()));
        var received = await AddAsync(EnquiryStatus.NeedsManualReview);
        var facilitated = await AddAsync(EnquiryStatus.Accepted, arrival: month.FirstDay.AddDays(1));
        using (var scope = _storage.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnquiryStatusUpdate>().ChangeAsync(facilitated, EnquiryStatus.VisitScheduled, "lead@ope", null, null, CancellationToken.None);
        }

        var before = await StatisticsAsync(month);
        Assert.Equal(2, before.EnquiriesReceived.ByCountry["CN"]);
        Assert.Equal(1, before.DelegationsFacilitated.ByCountry["CN"]);

        await CorrectAsync(received, new() { ["country"] = "Sverige", ["sector"] = "private" });
        await CorrectAsync(facilitated, new() { ["country"] = "NO", ["level"] = "national" });

        var after = await StatisticsAsync(month);
        Assert.Equal(new Dictionary<string, int> { ["NO"] = 1, ["SE"] = 1 }, after.EnquiriesReceived.ByCountry);
        Assert.Equal(1, after.EnquiriesReceived.BySector["private"]);
        Assert.Equal(new Dictionary<string, int> { ["NO"] = 1 }, after.DelegationsFacilitated.ByCountry);
        Assert.Equal(new Dictionary<string, int> { ["national"] = 1 }, after.DelegationsFacilitated.ByLevel);
    }

    private async Task<PeriodFigures> StatisticsAsync(CalendarMonth month)
    {
        using var scope = _storage.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<DelegationStatistics>().ComputeAsync(StatisticsPeriod.Month(month), CancellationToken.None)).Current;
    }

    private async Task CorrectAsync(EnquiryReference reference, Dictionary<string, string?> values)
    {
        using var scope = _storage.Services.CreateScope();
        var current = (await Store.FindAsync(reference, CancellationToken.None))!;
        var result = await scope.ServiceProvider.GetRequiredService<EnquiryCorrection>().CorrectAsync(reference, EnquiryVersionTag.Of(current.Version!), values, "staff@ope", CancellationToken.None);
        Assert.Equal(CorrectionOutcome.Corrected, result.Outcome);
    }

    private async Task<WorklistEntry?> EntryAsync(EnquiryReference reference) =>
        (await Index.ListOpenAsync(CancellationToken.None)).SingleOrDefault(entry => entry.Reference == reference);

    private async Task MoveAsync(EnquiryReference reference, EnquiryStatus to)
    {
        var enquiry = (await Store.FindAsync(reference, CancellationToken.None))!;
        Assert.True(await Store.TryUpdateAsync(enquiry with { Status = to }, new StatusChange(reference, enquiry.Status, to, "system:test", _storage.Time.GetUtcNow(), null), CancellationToken.None));
    }

    private async Task<EnquiryReference> AddAsync(EnquiryStatus status, DateOnly? arrival = null)
    {
        var now = _storage.Time.GetUtcNow();
        var reference = EnquiryReference.New(CopenhagenTime.DateOf(now));
        var result = await Store.AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.Mail,
                ReceivedAt = now,
                Status = status,
                Submission = new EnquirySubmission
                {
                    Organisation = "Liaoyang Municipal People's Government",
                    Country = "China",
                    City = "Liaoyang",
                    ContactEmail = "office@ly.example.cn",
                    Purpose = "Fur industry.",
                    ArrivalDate = arrival,
                },
                Screening = new ScreenedFacts { CountryCode = "CN", City = "Liaoyang", Sector = "public", Level = "municipal", Themes = ["fur-industry"], ScreenedAt = now },
            },
            [],
            [],
            CancellationToken.None);
        Assert.Equal(AddEnquiryResult.Added, result);
        return reference;
    }
}
