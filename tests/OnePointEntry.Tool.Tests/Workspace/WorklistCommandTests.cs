using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening.Decision;
using OnePointEntry.Workspace;

namespace OnePointEntry.Tool.Tests.Workspace;

public sealed class WorklistCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly SeedStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task Open_enquiries_from_before_the_index_are_put_into_it_and_closed_ones_are_not()
    {
        var open = await AddAsync(EnquiryStatus.NeedsManualReview, s_now.AddMonths(-3));
        var closed = await AddAsync(EnquiryStatus.Completed, s_now.AddMonths(-2));
        var indexedAlready = await AddAsync(EnquiryStatus.RoutingFailed, s_now.AddDays(-1));
        await ForgetIndexLineAsync(open);
        Assert.DoesNotContain(open, await OpenInIndexAsync());

        var (code, output, _) = await RunAsync("index");

        Assert.Equal(0, code);
        Assert.StartsWith("2 open enquiries indexed", output, StringComparison.Ordinal);
        Assert.Contains("1 need nobody", output, StringComparison.Ordinal);
        var listed = await OpenInIndexAsync();
        Assert.Contains(open, listed);
        Assert.Contains(indexedAlready, listed);
        Assert.DoesNotContain(closed, listed);

        // Again: the same index, nothing doubled.
        Assert.Equal(0, (await RunAsync("index")).Code);
        Assert.Equal(listed.Select(reference => reference.ToString()).Order(StringComparer.Ordinal), (await OpenInIndexAsync()).Select(reference => reference.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Screenings_given_out_before_the_load_counters_are_counted_once_however_often_it_runs()
    {
        var screened = await AddAsync(EnquiryStatus.Screened, s_now.AddDays(-2), Screener);
        var routed = await AddAsync(EnquiryStatus.Routed, s_now.AddDays(-1), Screener);
        var month = screened.ReceivedMonth;
        await ForgetLoadAsync(month, screened, routed);
        Assert.Empty(await OpenLoadAsync(month));

        Assert.Equal(0, (await RunAsync("index")).Code);
        Assert.Equal(2, (await OpenLoadAsync(month))[Screener]);

        Assert.Equal(0, (await RunAsync("index")).Code);
        Assert.Equal(2, (await OpenLoadAsync(month))[Screener]);
    }

    [Fact]
    public async Task Only_the_months_asked_for_are_read()
    {
        var earlier = await AddAsync(EnquiryStatus.NeedsManualReview, s_now.AddMonths(-6));
        await ForgetIndexLineAsync(earlier);

        var (code, output, _) = await RunAsync("index", "--from", "2026-10", "--to", "2026-12");

        Assert.Equal(0, code);
        Assert.StartsWith("0 open enquiries indexed from 2026-10–2026-12", output, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier, await OpenInIndexAsync());
    }

    [Theory]
    [InlineData]
    [InlineData("rebuild")]
    [InlineData("index", "--from")]
    [InlineData("index", "--from", "2026-13")]
    [InlineData("index", "--from", "2026-12", "--to", "2026-11")]
    [InlineData("index", "--month", "2026-12")]
    public async Task Bad_usage_is_exit_code_2_without_opening_storage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: ope worklist", error, StringComparison.Ordinal);
        Assert.Equal(0, _storage.Opened);
    }

    private const string Screener = "mei.chen@onepointentry.example";

    private async Task<EnquiryReference> AddAsync(EnquiryStatus status, DateTimeOffset received, string? screener = null)
    {
        using var storage = _storage.Open();
        var reference = EnquiryReference.New(CopenhagenTime.DateOf(received));
        Assert.Equal(AddEnquiryResult.Added, await storage.Services.GetRequiredService<IEnquiryStore>().AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.WebForm,
                ReceivedAt = received,
                Status = status,
                Submission = new EnquirySubmission { Organisation = "Qingdao Port Authority", Country = "China", ContactEmail = "office@qd.example.cn", Purpose = "Port logistics." },
                Decision = screener is null ? null : new ScreeningDecision
                {
                    Outcome = DecisionOutcome.AssignedToScreener,
                    Screener = new ScreenerChoice(screener, "Mei Chen", false, ["Reads Chinese"]),
                    Partners = [],
                    Priority = new PriorityAssessment(PriorityLevel.Normal, 40, []),
                    Deadline = received.AddDays(2),
                    DecidedAt = received,
                },
            },
            [],
            [],
            CancellationToken.None));
        return reference;
    }

    // As an enquiry that was open before the index existed: it has no line in it.
    private async Task ForgetIndexLineAsync(EnquiryReference reference)
    {
        var table = new TableServiceClient(Environment.GetEnvironmentVariable(SeedStorage.ConnectionStringVariable)).GetTableClient(_storage.Names.EnquiriesTable);
        var lines = await table.QueryAsync<TableEntity>(row => row.PartitionKey == reference.ReceivedMonth).ToListAsync();
        var line = Assert.Single(lines, row => row.RowKey.StartsWith("work-", StringComparison.Ordinal) && row.RowKey.Contains(reference.ToString(), StringComparison.Ordinal));
        await table.DeleteEntityAsync(line);
    }

    // As screenings given out before the counters existed: the rows name nobody, and there is no counter.
    private async Task ForgetLoadAsync(string month, params EnquiryReference[] references)
    {
        var table = new TableServiceClient(Environment.GetEnvironmentVariable(SeedStorage.ConnectionStringVariable)).GetTableClient(_storage.Names.EnquiriesTable);
        foreach (var reference in references)
        {
            var row = (await table.GetEntityAsync<TableEntity>(month, reference.ToString())).Value;
            Assert.Equal(Screener, row.GetString("LoadOf"));
            row.Remove("LoadOf");
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        // A screener's load is split over several counter rows.
        await foreach (var counter in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == month))
        {
            if (counter.RowKey.StartsWith("load-", StringComparison.Ordinal) && string.Equals(counter.GetString("StaffId"), Screener, StringComparison.OrdinalIgnoreCase))
            {
                await table.DeleteEntityAsync(counter);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, int>> OpenLoadAsync(string month)
    {
        using var storage = _storage.Open();
        return await storage.Services.GetRequiredService<IEnquiryStore>().ReadOpenLoadAsync(month, CancellationToken.None);
    }

    private async Task<List<EnquiryReference>> OpenInIndexAsync()
    {
        using var storage = _storage.Open();
        return [.. (await storage.Services.GetRequiredService<IWorklistIndex>().ListOpenAsync(CancellationToken.None)).Select(entry => entry.Reference)];
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await _storage.WorklistCommand(new FakeTimeProvider(s_now)).RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
