using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Retention;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Functions.Statistics;
using OnePointEntry.Integration.Tests.Enquiries;
using OnePointEntry.Retention;

namespace OnePointEntry.Integration.Tests.Retention;

/// <summary>
/// Erasing personal data, at once (<c>DELETE .../personal-data</c>) and by the retention sweep, through the
/// app's real composition against Azurite: the contact data is gone from every stored row, the statistics
/// are byte for byte the same, and the enquiry can still be followed.
/// </summary>
public sealed class PersonalDataErasureTests : IAsyncLifetime
{
    // Distinctive values, so finding any of them anywhere can only mean the data was kept.
    private const string ContactName = "Zyxwo Qlmnp";
    private const string ContactEmail = "zyxwo.qlmnp@example.org";
    private const string Phone = "+86 419 7351 9024";
    private const string Purpose = "Qlmnp-Zyxwo wishes to study fur auctions and mink farming in Glostrup.";
    private const string ReferredBy = "Vrxtq Jomblu at Glostrup";

    private readonly StorageFixture _storage = new();

    /// <summary>The day the test's enquiries are received, before any test moves the clock on.</summary>
    private readonly DateOnly _received;

    public PersonalDataErasureTests() => _received = CopenhagenTime.DateOf(_storage.Time.GetUtcNow());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
    }

    [Fact]
    public async Task Erasing_removes_the_contact_data_from_every_row_keeps_the_statistics_and_is_audited()
    {
        var reference = await SubmitScreenAndScheduleAsync(Distinctive(), "key-zyxwo-1");
        var before = await StatisticsAsync();
        Assert.Contains(await RowsOfAsync(reference), row => row.RowKey.StartsWith("mark-", StringComparison.Ordinal));

        var (status, body) = await DeleteAsync(reference, new { changedBy = "anna@onepointentry.example" });

        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.String, body.GetProperty("anonymisedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("referredBy").ValueKind);
        Assert.Equal("Jiaxing Municipal Bureau of Commerce", body.GetProperty("organisation").GetString());
        var audit = body.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("VisitScheduled", "VisitScheduled", "anna@onepointentry.example", "Personal data erased on request."),
            (audit.GetProperty("from").GetString(), audit.GetProperty("to").GetString(), audit.GetProperty("changedBy").GetString(), audit.GetProperty("note").GetString()));
        Assert.All(body.GetProperty("history").EnumerateArray().SkipLast(1), change => Assert.Equal(JsonValueKind.Null, change.GetProperty("note").ValueKind));
        await AssertNoPersonalDataStoredAsync(reference);
        Assert.Equal(before, await StatisticsAsync());
    }

    [Fact]
    public async Task Erasing_twice_changes_nothing_the_second_time_and_an_unknown_reference_is_a_404()
    {
        var reference = await SubmitScreenAndScheduleAsync(Distinctive(), idempotencyKey: null);
        var (_, first) = await DeleteAsync(reference, new { changedBy = "anna@onepointentry.example" });

        var (status, second) = await DeleteAsync(reference, new { changedBy = "lars@onepointentry.example" });

        Assert.Equal(200, status);
        Assert.Equal(first.GetProperty("anonymisedAt").GetString(), second.GetProperty("anonymisedAt").GetString());
        Assert.Equal(first.GetProperty("history").GetArrayLength(), second.GetProperty("history").GetArrayLength());
        var unknown = $"OPE-{reference.Substring(4, 4)}-ZZZZ";
        Assert.Equal(404, (await DeleteAsync(unknown, new { changedBy = "anna@onepointentry.example" })).Status);
    }

    [Fact]
    public async Task The_signed_in_user_is_audited_and_a_request_without_anyone_named_is_a_400()
    {
        var reference = await SubmitScreenAndScheduleAsync(Distinctive(), idempotencyKey: null);
        Assert.Equal(400, (await DeleteAsync(reference, new { note = "no one" })).Status);
        Assert.Null((await _storage.StoredEnquiriesAsync()).Single().GetDateTimeOffset("AnonymisedAt"));

        _storage.Time.Advance(TimeSpan.FromSeconds(1));
        var request = HttpRequests.Raw(string.Empty, contentType: null);
        request.SignedInAs("mei.chen@onepointentry.example", StaffRole.TeamLead);
        var (status, _, _, body) = await (await _storage.CreateBehindSignIn<ErasePersonalData>().Run(request, reference, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(200, status);
        Assert.Equal("mei.chen@onepointentry.example", body.GetProperty("history").EnumerateArray().Last().GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task After_erasing_the_status_endpoint_still_answers_and_the_intake_still_recognises_repeats()
    {
        var erased = await SubmitScreenAndScheduleAsync(Distinctive(), "key-zyxwo-2");
        await DeleteAsync(erased, new { changedBy = "anna@onepointentry.example" });

        var get = HttpRequests.Get($"/api/enquiries/{erased}");
        var (getStatus, _, _, view) = await (await _storage.Create<GetEnquiry>().Run(get, erased, CancellationToken.None)).ExecuteAsync(get);
        Assert.Equal(200, getStatus);
        Assert.Equal("VisitScheduled", view.GetProperty("status").GetString());

        // Another enquiry sent twice is still one enquiry; the erased one's marks are forgotten with it, so
        // sending its content again is a new enquiry rather than a pointer to data that no longer exists.
        var other = Distinctive();
        other["organisation"] = "Liaoyang Municipal People's Government";
        var first = await SubmitAsync(other, "key-other");
        Assert.Equal(first, await SubmitAsync(other, "key-other"));
        Assert.Equal(first, await SubmitAsync(other, idempotencyKey: null));
        Assert.NotEqual(erased, await SubmitAsync(Distinctive(), "key-zyxwo-2"));
    }

    [Fact]
    public async Task The_retention_sweep_anonymises_old_enquiries_once_keeps_the_statistics_and_leaves_recent_ones()
    {
        var old = await SubmitScreenAndScheduleAsync(Distinctive(), "key-old");
        var second = Distinctive();
        second["organisation"] = "Liaoyang Municipal People's Government";
        var alsoOld = await SubmitAsync(second, idempotencyKey: null);
        var before = await StatisticsAsync();

        _storage.Time.Advance(TimeSpan.FromDays(31 * 26));
        var recent = await SubmitAsync(Distinctive(), idempotencyKey: null);
        var sweep = ActivatorUtilities.CreateInstance<RetentionSweep>(_storage.Services, new RetentionPolicy(24, 1000));

        var result = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal((2, true), (result.Anonymised, result.CaughtUp));
        await AssertNoPersonalDataStoredAsync(old);
        await AssertNoPersonalDataStoredAsync(alsoOld);
        var recentRow = (await _storage.StoredEnquiriesAsync()).Single(row => row.RowKey == recent);
        Assert.Equal(ContactEmail, recentRow.GetString("ContactEmail"));
        Assert.Null(recentRow.GetDateTimeOffset("AnonymisedAt"));
        Assert.Equal(before, await StatisticsAsync());
        var audit = (await _storage.Services.GetRequiredService<IEnquiryStore>().ListStatusChangesAsync(Parse(old), CancellationToken.None))[^1];
        Assert.Equal((PersonalDataEraser.RetentionActor, "Personal data erased: the retention period has passed."), (audit.ChangedBy, audit.Note));

        var again = await sweep.RunAsync(CancellationToken.None);
        Assert.Equal((0, result.AnonymisedThrough), (again.Anonymised, again.AnonymisedThrough));
    }

    [Fact]
    public async Task The_retention_sweep_stops_at_its_limit_and_catches_up_on_the_next_run()
    {
        await SubmitAsync(Distinctive(), idempotencyKey: null);
        var second = Distinctive();
        second["organisation"] = "Liaoyang Municipal People's Government";
        await SubmitAsync(second, idempotencyKey: null);
        _storage.Time.Advance(TimeSpan.FromDays(31 * 26));
        var sweep = ActivatorUtilities.CreateInstance<RetentionSweep>(_storage.Services, new RetentionPolicy(24, 1));

        var first = await sweep.RunAsync(CancellationToken.None);
        var next = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal((1, false), (first.Anonymised, first.CaughtUp));
        Assert.Equal((1, true), (next.Anonymised, next.CaughtUp));
        Assert.All(await _storage.StoredEnquiriesAsync(), row => Assert.NotNull(row.GetDateTimeOffset("AnonymisedAt")));
    }

    [Fact]
    public async Task The_sweep_leaves_enquiries_younger_than_the_retention_period()
    {
        var reference = await SubmitAsync(Distinctive(), idempotencyKey: null);
        _storage.Time.Advance(TimeSpan.FromDays(30 * 23));

        var result = await ActivatorUtilities.CreateInstance<RetentionSweep>(_storage.Services, new RetentionPolicy(24, 1000)).RunAsync(CancellationToken.None);

        Assert.Equal(0, result.Anonymised);
        Assert.Equal(ContactName, (await _storage.StoredEnquiriesAsync()).Single(row => row.RowKey == reference).GetString("ContactName"));
    }

    private static EnquiryReference Parse(string reference) =>
        EnquiryReference.TryParse(reference, out var parsed) ? parsed : throw new FormatException(reference);

    private static Dictionary<string, object?> Distinctive()
    {
        var json = SubmitEnquiryTests.ValidJson();
        json["contactName"] = ContactName;
        json["contactEmail"] = ContactEmail;
        json["phone"] = Phone;
        json["purpose"] = Purpose;
        json["referredBy"] = ReferredBy;
        return json;
    }

    private async Task<string> SubmitAsync(Dictionary<string, object?> json, string? idempotencyKey)
    {
        var request = HttpRequests.Json(json, idempotencyKey);
        var (status, _, _, body) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(202, status);
        return body.GetProperty("reference").GetString()!;
    }

    /// <summary>Stores, screens and schedules the visit, so the enquiry also counts as a delegation facilitated, with a note in its history.</summary>
    private async Task<string> SubmitScreenAndScheduleAsync(Dictionary<string, object?> json, string? idempotencyKey)
    {
        var reference = await SubmitAsync(json, idempotencyKey);
        foreach (var message in await _storage.QueuedMessagesAsync())
        {
            await _storage.Create<ScreenEnquiry>().Run(message, 1, CancellationToken.None);
        }

        await _storage.ScreeningQueue.ClearMessagesAsync();
        var update = _storage.Services.GetRequiredService<EnquiryStatusUpdate>();
        var parsed = Parse(reference);
        foreach (var status in new[] { EnquiryStatus.Accepted, EnquiryStatus.Mediated })
        {
            _storage.Time.Advance(TimeSpan.FromSeconds(1));
            await update.ChangeAsync(parsed, status, "anna@onepointentry.example", $"Spoke with {ContactName}", null, CancellationToken.None);
        }

        _storage.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await update.ChangeAsync(parsed, EnquiryStatus.VisitScheduled, "anna@onepointentry.example", null, new DateOnly(2027, 3, 11), CancellationToken.None);
        Assert.Equal(StatusUpdateOutcome.Changed, result.Outcome);
        return reference;
    }

    private async Task<(int Status, JsonElement Body)> DeleteAsync(string reference, object body)
    {
        // Audit entries sort by time: a later request happens later.
        _storage.Time.Advance(TimeSpan.FromSeconds(1));
        var request = HttpRequests.Json(body);
        request.Method = HttpMethods.Delete;
        var (status, _, _, json) = await (await _storage.Create<ErasePersonalData>().Run(request, reference, CancellationToken.None)).ExecuteAsync(request);
        return (status, json);
    }

    /// <summary>The statistics documents <c>GET /api/statistics</c> returns for the months and years the test data touches.</summary>
    private async Task<string> StatisticsAsync()
    {
        var month = _received;
        var documents = new List<string>();
        foreach (var period in new[] { $"{month:yyyy-MM}", $"{month:yyyy}", "2027-03", "2027" })
        {
            var request = HttpRequests.Get($"/api/statistics/{period}");
            var (status, _, _, body) = await (await _storage.Create<GetStatistics>().Run(request, period, CancellationToken.None)).ExecuteAsync(request);
            Assert.Equal(200, status);
            documents.Add(body.GetRawText());
        }

        using (var year = JsonDocument.Parse(documents[^1]))
        {
            Assert.Equal(1, year.RootElement.GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        }

        return string.Join('\n', documents);
    }

    private async Task<List<TableEntity>> RowsOfAsync(string reference)
    {
        var partition = Parse(reference).ReceivedMonth;
        return await _storage.EnquiriesTable.QueryAsync<TableEntity>(row => row.PartitionKey == partition).ToListAsync();
    }

    /// <summary>No row of the enquiry's month (enquiry, marks, audit) holds any of the personal values, and no mark points at it.</summary>
    private async Task AssertNoPersonalDataStoredAsync(string reference)
    {
        var rows = await RowsOfAsync(reference);
        var enquiry = Assert.Single(rows, row => row.RowKey == reference);
        Assert.NotNull(enquiry.GetDateTimeOffset("AnonymisedAt"));
        Assert.Equal(string.Empty, enquiry.GetString("ContactEmail"));
        Assert.Equal(string.Empty, enquiry.GetString("Purpose"));
        Assert.False(enquiry.ContainsKey("ContactName"));
        Assert.False(enquiry.ContainsKey("Phone"));
        Assert.False(enquiry.ContainsKey("ReferredBy"));
        Assert.False(string.IsNullOrEmpty(enquiry.GetString("Organisation")));
        Assert.False(string.IsNullOrEmpty(enquiry.GetString("City")));
        Assert.DoesNotContain(rows, row => row.RowKey.StartsWith("mark-", StringComparison.Ordinal) && row.GetString("Reference") == reference);
        var recentReferences = rows.Where(row => row.RowKey.StartsWith("OPE-", StringComparison.Ordinal) && row.GetDateTimeOffset("AnonymisedAt") is null).Select(row => row.RowKey).ToHashSet();
        foreach (var row in rows.Where(row => !recentReferences.Any(other => row.RowKey.Contains(other, StringComparison.Ordinal) || row.GetString("Reference") == other)))
        {
            foreach (var value in ((IDictionary<string, object>)row).Values.OfType<string>())
            {
                foreach (var personal in new[] { ContactName, ContactEmail, Phone, Purpose, ReferredBy, "Zyxwo", "Qlmnp" })
                {
                    Assert.DoesNotContain(personal, value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }
}
