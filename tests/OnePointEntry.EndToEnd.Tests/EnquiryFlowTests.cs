using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Testing;
using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.EndToEnd.Tests;

[Collection(FunctionAppCollection.Name)]
public sealed class EnquiryFlowTests(FunctionAppFixture app)
{
    [Fact]
    public async Task A_form_post_is_stored_screened_by_the_queue_function_and_visible_at_the_status_endpoint()
    {
        using var form = new FormUrlEncodedContent(
        [
            new("organisation", "辽阳市人民政府"),
            new("country", "Kina"),
            new("city", "辽阳"),
            new("contactName", "Zhang Wei"),
            new("contactEmail", "zhang.wei@example.cn"),
            new("delegationSize", "6"),
            new("arrivalDate", "2027-05-04"),
            new("departureDate", "2027-05-06"),
            new("purpose", "我们希望了解皮草产业和貂皮拍卖，并拜访格洛斯特鲁普市。"),
            new("language", "zh"),
            new("website", string.Empty),
        ]);

        using var response = await app.Client.PostAsync(new Uri("api/enquiries", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = accepted.GetProperty("reference").GetString()!;
        Assert.Equal($"/api/enquiries/{reference}", response.Headers.Location?.ToString());

        var screened = await app.WaitForStatusAsync(reference, "Routed");
        Assert.Equal("CN", screened.GetProperty("country").GetString());
        Assert.Equal("Liaoning", screened.GetProperty("region").GetString());
        Assert.Equal("Liaoyang", screened.GetProperty("city").GetString());
        Assert.Contains("fur-industry", screened.GetProperty("themes").EnumerateArray().Select(theme => theme.GetString()));
        var decision = screened.GetProperty("decision");
        Assert.Equal("AssignedToScreener", decision.GetProperty("outcome").GetString());
        Assert.Contains("Chinese", string.Join(" ", decision.GetProperty("screener").GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString())), StringComparison.Ordinal);
        Assert.Equal("kopenhagen-fur", decision.GetProperty("partners")[0].GetProperty("partnerId").GetString());

        // Routed to that screener: exactly one calendar block, one Planner task, one Teams card.
        var screener = decision.GetProperty("screener").GetProperty("staffId").GetString()!;
        await app.WaitForRoutingDeliveriesAsync(reference, screener);
        var booked = Assert.Single(app.StandIn.EventsOf(screener), item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.NotNull(booked.TransactionId);
        Assert.DoesNotContain("<script", booked.Body, StringComparison.OrdinalIgnoreCase);
        var task = Assert.Single(app.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Single(task.Assignments);
        Assert.Single(app.StandIn.PostedMessages, message => message.ToJsonString().Contains(reference, StringComparison.Ordinal));
        Assert.Equal(["Screened", "Routed"], screened.GetProperty("history").EnumerateArray().Select(change => change.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task A_json_post_sent_twice_with_one_idempotency_key_is_one_enquiry()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { organisation = "Changwon City Hall", country = "KR", contactEmail = "intl@example.kr", purpose = $"Citizen participation and e-government ({key})" };

        var first = await PostJsonAsync(body, key);
        var second = await PostJsonAsync(body, key);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Bad_input_through_the_host_is_a_problem_document_and_never_a_500()
    {
        using var invalid = JsonContent.Create(new { organisation = "X", country = "Atlantis", contactEmail = "nope", purpose = "Visit" });
        using var invalidResponse = await app.Client.PostAsync(new Uri("api/enquiries", UriKind.Relative), invalid);
        using var text = new StringContent("hello", Encoding.UTF8, "text/plain");
        using var textResponse = await app.Client.PostAsync(new Uri("api/enquiries", UriKind.Relative), text);
        using var huge = new StringContent(new string('x', 70_000), Encoding.UTF8, "application/json");
        using var hugeResponse = await app.Client.PostAsync(new Uri("api/enquiries", UriKind.Relative), huge);

        Assert.Equal(HttpStatusCode.BadRequest, invalidResponse.StatusCode);
        Assert.Equal("application/problem+json", invalidResponse.Content.Headers.ContentType?.MediaType);
        var problem = await invalidResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["contactEmail", "country"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeResponse.StatusCode);
    }

    [Fact]
    public async Task The_status_endpoint_needs_the_function_key()
    {
        var reference = await PostJsonAsync(new { organisation = "Osaka Business Group", country = "Japan", contactEmail = "info@example.jp", purpose = $"Trade mission {Guid.NewGuid()}" });

        using var response = await app.Client.GetAsync(new Uri($"api/enquiries/{reference}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_sweep_timer_fired_through_the_admin_api_requeues_an_enquiry_that_was_never_queued()
    {
        var store = new TableEnquiryStore(app.Tables, new StorageNames());
        var receivedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var enquiry = new Enquiry
        {
            Reference = EnquiryReference.New(CopenhagenTime.DateOf(DateTimeOffset.UtcNow)),
            Source = EnquirySource.WebForm,
            ReceivedAt = receivedAt,
            Submission = new EnquirySubmission
            {
                Organisation = "Tianjin Binhai New Area",
                Country = "CN",
                City = "Tianjin",
                ContactEmail = "office@example.cn",
                Purpose = "智慧城市与港口物流",
            },
        };
        Assert.Equal(AddEnquiryResult.Added, await store.AddAsync(enquiry, [], [], CancellationToken.None));

        using var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/RequeueStalledEnquiries", UriKind.Relative))
        {
            Content = JsonContent.Create(new { input = string.Empty }),
        };
        run.Headers.Add("x-functions-key", HostProcess.MasterKey);
        using var response = await app.Client.SendAsync(run);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var screened = await app.WaitForStatusAsync(enquiry.Reference.ToString(), "Routed");
        Assert.Equal("Tianjin", screened.GetProperty("region").GetString());
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_poison_queue_and_is_listed_for_operators()
    {
        var missing = EnquiryReference.New(new DateOnly(2026, 1, 1)).ToString();
        var queue = FunctionAppFixture.RawQueue("enquiry-screening");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"reference":"{{missing}}"}""")));

        var poisoned = await FunctionAppFixture.WaitForAsync(async () =>
        {
            var poison = FunctionAppFixture.RawQueue("enquiry-screening-poison");
            await poison.CreateIfNotExistsAsync();
            var messages = (await poison.PeekMessagesAsync(32)).Value;
            return messages.Any(message => Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)).Contains(missing, StringComparison.Ordinal));
        });
        Assert.True(poisoned, "the message did not reach enquiry-screening-poison");

        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri("api/operations/poison-messages?queue=enquiry-screening", UriKind.Relative));
        list.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(list);
        var entries = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("subject").GetString() == missing);
        Assert.Equal(FunctionAppFixture.MaxDequeueCount, entry.GetProperty("dequeueCount").GetInt32());
        Assert.Contains("EnquiryNotFoundException", entry.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workers_logs_carry_references_and_no_contact_details()
    {
        var email = $"private.person.{Guid.NewGuid():N}@example.org";
        var reference = await PostJsonAsync(new { organisation = "Leipzig Hydrogen Institute", country = "Tyskland", contactName = "Greta Privatperson", contactEmail = email, purpose = "Wasserstoff und Fernwärme" });
        await app.WaitForStatusAsync(reference, "Routed");

        Assert.Contains(reference, app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(email, app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Greta Privatperson", app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Wasserstoff und Fernwärme", app.Host.Output, StringComparison.Ordinal);
    }

    private async Task<string> PostJsonAsync(object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/enquiries", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }
}
