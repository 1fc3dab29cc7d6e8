using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Control;

/// <summary>The control routes people and scripts use: delivering a mail, the state document, the page.</summary>
public sealed class ControlRouteTests : IAsyncLifetime, IDisposable
{
    private StandInServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await StandInServer.StartAsync();
        _client = new HttpClient { BaseAddress = _server.BaseUrl };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_mail_posted_to_the_inbox_is_delivered_with_new_ids_and_shows_in_the_state()
    {
        using var response = await _client.PostAsync("standin/inbox", Rfc822(Mails.Enquiry()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("<visit-1@liaoyang.example.cn>", answer["internetMessageId"]!.GetValue<string>());
        var state = _server.Snapshot();
        var inbox = state["mailFolders"]!.AsArray().Single(folder => folder!["displayName"]!.GetValue<string>() == "Inbox")!;
        var message = Assert.Single(inbox["messages"]!.AsArray())!;
        Assert.Equal(answer["id"]!.GetValue<string>(), message["id"]!.GetValue<string>());
        Assert.Equal(answer["immutableId"]!.GetValue<string>(), message["immutableId"]!.GetValue<string>());
        Assert.Equal(("Delegation visit 1", "li.wei@liaoyang.example.cn"), (message["subject"]!.GetValue<string>(), message["from"]!.GetValue<string>()));
        Assert.Equal("We would like to visit Glostrup.", message["text"]!.GetValue<string>());
        Assert.Equal(["delegations@onepointentry.example"], message["to"]!.AsArray().Select(to => to!.GetValue<string>()));
    }

    [Fact]
    public async Task A_mail_without_a_Message_ID_gets_one_as_Exchange_gives_it()
    {
        using var response = await _client.PostAsync("standin/inbox", Rfc822("From: a@example.cn\r\nSubject: Hi\r\n\r\nHello\r\n"));

        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["immutableId"]!.GetValue<string>();
        await using var content = (await GraphClients.For(_server).Users[_server.Mailbox].Messages[id].Content.GetAsync())!;
        var mime = await MimeKit.MimeMessage.LoadAsync(content);
        Assert.EndsWith("@onepointentry.example", mime.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_is_not_an_e_mail_or_not_sent_as_one_is_refused_with_a_problem()
    {
        using var garbage = await _client.PostAsync("standin/inbox", Rfc822("this is not a mail"));
        using var wrongType = await _client.PostAsync("standin/inbox", new StringContent(Mails.Enquiry(), Encoding.UTF8, "text/plain"));
        using var tooLarge = await _client.PostAsync("standin/inbox", Rfc822(Mails.Enquiry() + new string('x', (35 * 1024 * 1024) + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Empty(_server.Snapshot()["mailFolders"]!.AsArray().SelectMany(folder => folder!["messages"]!.AsArray()));
    }

    [Fact]
    public async Task The_state_document_has_every_section_of_the_agreed_shape()
    {
        var state = JsonNode.Parse(await _client.GetStringAsync("standin/state"))!.AsObject();

        Assert.Equal(
            ["generatedAt", "mailbox", "users", "mailFolders", "sentMail", "calendars", "planner", "teams", "acsMails", "subscriptions", "faults"],
            state.Select(property => property.Key));
        Assert.Equal(["Inbox", "Sent Items", "Deleted Items", "Drafts"], state["mailFolders"]!.AsArray().Select(folder => folder!["displayName"]!.GetValue<string>()));
        var plan = state["planner"]!["plans"]![0]!;
        Assert.Equal((StandInServer.PlanId, "One-Point Entry screening"), (plan["id"]!.GetValue<string>(), plan["title"]!.GetValue<string>()));
        Assert.Equal((StandInServer.ScreeningBucketId, "Screening"), (plan["buckets"]![0]!["id"]!.GetValue<string>(), plan["buckets"]![0]!["name"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", state["generatedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_page_is_served_with_a_nonce_policy_that_allows_nothing_else()
    {
        using var response = await _client.GetAsync("standin");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal($"default-src 'none'; style-src 'nonce-{nonce}'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'", policy);
        Assert.Contains($"nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        using var again = await _client.GetAsync("standin");
        Assert.NotEqual(policy, again.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_lifecycle_event_for_no_live_subscription_or_of_an_unknown_kind_is_a_problem()
    {
        using var unknownSubscription = await _client.PostAsync("standin/lifecycle", new StringContent("""{"lifecycleEvent":"missed","subscriptionId":"nope"}""", Encoding.UTF8, "application/json"));
        using var unknownEvent = await _client.PostAsync("standin/lifecycle", new StringContent("""{"lifecycleEvent":"expired"}""", Encoding.UTF8, "application/json"));
        using var everyOne = await _client.PostAsync("standin/lifecycle", new StringContent("""{"lifecycleEvent":"missed"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, unknownSubscription.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, everyOne.StatusCode);
        Assert.Empty(JsonNode.Parse(await everyOne.Content.ReadAsStringAsync())!["subscriptions"]!.AsArray());
    }

    private static ByteArrayContent Rfc822(string mime)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(mime));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return content;
    }
}
