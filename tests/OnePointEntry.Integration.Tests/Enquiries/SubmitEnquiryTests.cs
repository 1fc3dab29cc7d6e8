using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;

namespace OnePointEntry.Integration.Tests.Enquiries;

public sealed class SubmitEnquiryTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();
    private SubmitEnquiry _function = null!;

    public Task InitializeAsync()
    {
        _function = _storage.Create<SubmitEnquiry>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    public static Dictionary<string, object?> ValidJson() => new()
    {
        ["organisation"] = "Jiaxing Municipal Bureau of Commerce",
        ["country"] = "中国",
        ["city"] = "嘉兴",
        ["contactName"] = "Li Na",
        ["contactEmail"] = "li.na@example.cn",
        ["phone"] = "+86 573 8888 1234",
        ["delegationSize"] = 5,
        ["arrivalDate"] = "2027-03-10",
        ["departureDate"] = "2027-03-10",
        ["purpose"] = "我们希望参观哥本哈根皮草拍卖行，了解貂皮产业。",
        ["themes"] = new[] { "fur-industry" },
        ["referredBy"] = "Glostrup",
        ["language"] = "zh",
        ["someFieldWeDoNotKnow"] = "ignored",
    };

    [Fact]
    public async Task A_json_enquiry_is_stored_queued_and_answered_202_with_its_reference_and_location()
    {
        var request = HttpRequests.Json(ValidJson());

        var (status, headers, contentType, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(202, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var reference = body.GetProperty("reference").GetString()!;
        Assert.Matches("^OPE-[0-9]{4}-[0-9A-Z]{4}$", reference);
        Assert.Equal($"/api/enquiries/{reference}", headers.Location.ToString());
        Assert.Equal($"/api/enquiries/{reference}", body.GetProperty("statusUrl").GetString());

        var stored = Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Equal(reference, stored.RowKey);
        Assert.Equal(reference[4..6], stored.PartitionKey[2..4]);
        Assert.Equal("Received", stored.GetString("Status"));
        Assert.Equal("Jiaxing Municipal Bureau of Commerce", stored.GetString("Organisation"));
        Assert.Equal(5, stored.GetInt32("DelegationSize"));
        Assert.Equal("2027-03-10", stored.GetString("ArrivalDate"));
        Assert.Equal("fur-industry", stored.GetString("RequestedThemes"));
        Assert.Equal([$$"""{"reference":"{{reference}}"}"""], await _storage.QueuedMessagesAsync());
    }

    [Fact]
    public async Task A_plain_html_form_post_is_taken_the_same_way_with_repeated_theme_fields()
    {
        var request = HttpRequests.Form(
        [
            new("organisation", "Boston Aging in Place Network"),
            new("country", "USA"),
            new("contactEmail", "study.trip@example.org"),
            new("delegationSize", "12"),
            new("purpose", "Study trip on elderly care and welfare technology."),
            new("themes", "welfare-eldercare"),
            new("themes", "digital-tech"),
            new("website", string.Empty),
        ]);

        var (status, _, _, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(202, status);
        var stored = Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Equal(body.GetProperty("reference").GetString(), stored.RowKey);
        Assert.Equal("digital-tech;welfare-eldercare", stored.GetString("RequestedThemes"));
        Assert.Equal(12, stored.GetInt32("DelegationSize"));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_a_problem_and_nothing_is_stored()
    {
        var json = ValidJson();
        json["country"] = "Narnia";
        json["contactEmail"] = "not an address";
        json["arrivalDate"] = "2027-03-12";
        json["departureDate"] = "2027-03-11";
        json["delegationSize"] = 501;
        json["organisation"] = new string('x', EnquiryFieldLimits.Organisation + 1);
        json["purpose"] = null;
        json["themes"] = new[] { "space-travel" };
        var request = HttpRequests.Json(json);

        var (status, _, contentType, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(
            ["contactEmail", "country", "delegationSize", "departureDate", "organisation", "purpose", "themes"],
            body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_an_invalid_field()
    {
        var json = ValidJson();
        json["organisation"] = new { name = "nested" };
        json["themes"] = 7;
        var request = HttpRequests.Json(json);

        var (status, _, _, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(400, status);
        Assert.Equal(["organisation", "themes"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("{\"organisation\": ", "application/json")]
    [InlineData("[1, 2]", "application/json")]
    [InlineData("", "application/json")]
    public async Task A_body_that_is_not_a_json_object_is_a_400_problem(string body, string contentType)
    {
        var request = HttpRequests.Raw(body, contentType);

        var (status, _, type, problem) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", type, StringComparison.Ordinal);
        Assert.Equal("urn:onepointentry:problem:malformed-body", problem.GetProperty("type").GetString());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_65536_bytes_is_a_413_whether_or_not_its_length_is_announced(bool sendLength)
    {
        var json = ValidJson();
        json["purpose"] = new string('a', 70_000);
        var request = HttpRequests.Raw(JsonSerializer.Serialize(json), "application/json", sendLength: sendLength);

        var (status, _, contentType, _) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(413, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Other_content_types_are_a_415(string? contentType)
    {
        var request = HttpRequests.Raw(JsonSerializer.Serialize(ValidJson()), contentType);

        var (status, _, type, _) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(415, status);
        Assert.StartsWith("application/problem+json", type, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_filled_in_honeypot_is_answered_202_and_nothing_is_stored()
    {
        var json = ValidJson();
        json["website"] = "http://cheap-pills.example";
        var request = HttpRequests.Json(json);

        var (status, _, _, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(202, status);
        Assert.Matches("^OPE-", body.GetProperty("reference").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_the_same_reference_and_one_enquiry()
    {
        var first = await SubmitAsync(HttpRequests.Json(ValidJson(), idempotencyKey: "form-1234"));
        var second = await SubmitAsync(HttpRequests.Json(ValidJson(), idempotencyKey: "form-1234"));

        Assert.Equal(first, second);
        Assert.Single(await _storage.StoredEnquiriesAsync());
    }

    [Fact]
    public async Task The_identical_payload_twice_without_a_key_gives_the_same_reference_and_one_enquiry()
    {
        var first = await SubmitAsync(HttpRequests.Json(ValidJson()));
        var second = await SubmitAsync(HttpRequests.Form(ValidJson()
            .Where(field => field.Value is string)
            .Select(field => new KeyValuePair<string, string>(field.Key, (string)field.Value!))
            .Append(new("delegationSize", "5"))
            .Append(new("themes", "fur-industry"))));

        Assert.Equal(first, second);
        Assert.Single(await _storage.StoredEnquiriesAsync());
    }

    [Fact]
    public async Task The_identical_payload_after_24_hours_is_a_new_enquiry()
    {
        var first = await SubmitAsync(HttpRequests.Json(ValidJson()));
        _storage.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var second = await SubmitAsync(HttpRequests.Json(ValidJson()));
        var third = await SubmitAsync(HttpRequests.Json(ValidJson()));

        Assert.NotEqual(first, second);
        Assert.Equal(second, third);
        Assert.Equal(2, (await _storage.StoredEnquiriesAsync()).Count);
    }

    [Fact]
    public async Task A_different_enquiry_is_a_new_enquiry()
    {
        var other = ValidJson();
        other["delegationSize"] = 6;

        Assert.NotEqual(await SubmitAsync(HttpRequests.Json(ValidJson())), await SubmitAsync(HttpRequests.Json(other)));
        Assert.Equal(2, (await _storage.StoredEnquiriesAsync()).Count);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_another_enquiry_is_a_422_and_stores_nothing_more()
    {
        await SubmitAsync(HttpRequests.Json(ValidJson(), idempotencyKey: "form-1"));
        var other = ValidJson();
        other["purpose"] = "Something else entirely: wind power.";
        var request = HttpRequests.Json(other, idempotencyKey: "form-1");

        var (status, _, contentType, _) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(422, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Single(await _storage.StoredEnquiriesAsync());
    }

    [Fact]
    public async Task Simultaneous_identical_submissions_store_one_enquiry()
    {
        var references = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitAsync(HttpRequests.Json(ValidJson()))));

        Assert.Single(references.Distinct());
        Assert.Single(await _storage.StoredEnquiriesAsync());
    }

    private async Task<string> SubmitAsync(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var (status, _, _, body) = await (await _function.Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(202, status);
        return body.GetProperty("reference").GetString()!;
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await _storage.StoredEnquiriesAsync());
        Assert.Empty(await _storage.EnquiriesTable.QueryAsync<TableEntity>().ToListAsync());
        Assert.Empty(await _storage.QueuedMessagesAsync());
    }
}
