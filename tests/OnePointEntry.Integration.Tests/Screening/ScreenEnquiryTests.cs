using Azure.Data.Tables;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Operations;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Integration.Tests.Enquiries;

namespace OnePointEntry.Integration.Tests.Screening;

public sealed class ScreenEnquiryTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task The_queued_message_screens_the_enquiry_which_the_status_endpoint_then_shows()
    {
        var reference = await SubmitAsync(SubmitEnquiryTests.ValidJson());
        var message = Assert.Single(await _storage.QueuedMessagesAsync());

        await _storage.Create<ScreenEnquiry>().Run(message, 1, CancellationToken.None);

        var request = HttpRequests.Get($"/api/enquiries/{reference}");
        var (status, _, _, body) = await (await _storage.Create<GetEnquiry>().Run(request, reference, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(200, status);
        Assert.Equal("Screened", body.GetProperty("status").GetString());
        Assert.Equal("CN", body.GetProperty("country").GetString());
        Assert.Equal("Zhejiang", body.GetProperty("region").GetString());
        Assert.Equal("Jiaxing", body.GetProperty("city").GetString());
        Assert.Equal(["fur-industry"], body.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(5, body.GetProperty("delegationSize").GetInt32());
        Assert.False(body.TryGetProperty("contactEmail", out _));
        var decision = body.GetProperty("decision");
        Assert.Equal("AssignedToScreener", decision.GetProperty("outcome").GetString());
        Assert.Equal("mei.chen@onepointentry.example", decision.GetProperty("screener").GetProperty("staffId").GetString());
        Assert.NotEmpty(decision.GetProperty("screener").GetProperty("reasons").EnumerateArray());
        Assert.Equal("kopenhagen-fur", decision.GetProperty("partners")[0].GetProperty("partnerId").GetString());
        Assert.NotEmpty(decision.GetProperty("partners")[0].GetProperty("reasons").EnumerateArray());
        Assert.False(body.TryGetProperty("purpose", out _));
    }

    [Fact]
    public async Task Screening_the_same_message_again_changes_nothing()
    {
        var reference = await SubmitAsync(SubmitEnquiryTests.ValidJson());
        var message = Assert.Single(await _storage.QueuedMessagesAsync());
        var function = _storage.Create<ScreenEnquiry>();
        await function.Run(message, 1, CancellationToken.None);
        var first = await ReadRowAsync(reference);

        _storage.Time.Advance(TimeSpan.FromMinutes(5));
        await function.Run(message, 1, CancellationToken.None);
        await function.Run(message, 2, CancellationToken.None);

        var second = await ReadRowAsync(reference);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(first.GetDateTimeOffset("ScreenedAt"), second.GetDateTimeOffset("ScreenedAt"));
    }

    [Fact]
    public async Task Themes_are_found_in_the_purpose_text_beside_those_picked()
    {
        var json = SubmitEnquiryTests.ValidJson();
        json["purpose"] = "我们希望了解风电、区域供热以及港口物流。";
        json["themes"] = new[] { "investment-trade" };
        var reference = await SubmitAsync(json);

        await _storage.Create<ScreenEnquiry>().Run(Assert.Single(await _storage.QueuedMessagesAsync()), 1, CancellationToken.None);

        var row = await ReadRowAsync(reference);
        Assert.Equal("energy-climate;investment-trade;maritime-logistics", row.GetString("Themes"));
    }

    [Fact]
    public async Task A_message_that_fails_on_its_last_delivery_is_recorded_for_operators()
    {
        var function = _storage.Create<ScreenEnquiry>();
        var missing = "{\"reference\":\"OPE-2611-ZZZZ\"}";

        await Assert.ThrowsAnyAsync<Exception>(() => function.Run(missing, 4, CancellationToken.None));
        Assert.Empty(await ListPoisonAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => function.Run(missing, 5, CancellationToken.None));

        var recorded = Assert.Single(await ListPoisonAsync());
        Assert.Equal("enquiry-screening", recorded.GetProperty("queue").GetString());
        Assert.Equal("OPE-2611-ZZZZ", recorded.GetProperty("subject").GetString());
        Assert.Contains("not stored", recorded.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, recorded.GetProperty("dequeueCount").GetInt64());
    }

    [Fact]
    public async Task An_enquiry_stored_but_never_queued_is_queued_again_by_the_sweep()
    {
        await SubmitAsync(SubmitEnquiryTests.ValidJson());
        await _storage.ScreeningQueue.ClearMessagesAsync();
        var sweep = _storage.Create<RequeueStalledEnquiries>();

        await sweep.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Empty(await _storage.QueuedMessagesAsync());

        _storage.Time.Advance(TimeSpan.FromMinutes(11));
        await sweep.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Single(await _storage.QueuedMessagesAsync());
    }

    [Theory]
    [InlineData("OPE-2611-ZZZZ", 404)]
    [InlineData("not-a-reference", 400)]
    public async Task An_unknown_or_malformed_reference_is_a_problem(string reference, int expected)
    {
        var request = HttpRequests.Get($"/api/enquiries/{reference}");

        var (status, _, contentType, _) = await (await _storage.Create<GetEnquiry>().Run(request, reference, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(expected, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.JsonElement[]> ListPoisonAsync()
    {
        var request = HttpRequests.Get("/api/operations/poison-messages", "?queue=enquiry-screening");
        var (status, _, _, body) = await (await _storage.Create<ListPoisonMessages>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(200, status);
        return [.. body.EnumerateArray()];
    }

    private async Task<string> SubmitAsync(Dictionary<string, object?> json)
    {
        var request = HttpRequests.Json(json);
        var (status, _, _, body) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(202, status);
        return body.GetProperty("reference").GetString()!;
    }

    private async Task<TableEntity> ReadRowAsync(string reference) =>
        (await _storage.StoredEnquiriesAsync()).Single(row => row.RowKey == reference);
}
