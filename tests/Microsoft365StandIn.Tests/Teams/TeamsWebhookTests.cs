using System.Net;
using System.Text;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Teams;

/// <summary>The Workflows webhook: its signature, its body, faults, and the cards kept per channel.</summary>
public sealed class TeamsWebhookTests : IAsyncLifetime
{
    private const string Card = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"OPE-2612-7K3F"}]}}]}""";

    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_card_posted_with_the_signature_is_accepted_and_kept_for_its_channel()
    {
        using var client = new HttpClient();

        using var response = await client.PostAsync(_server.TeamsWebhookUrl, Json(Card));
        using var other = await client.PostAsync(_server.TeamsWebhookUrlFor("ope-reports"), Json(Card));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(2, _server.PostedMessages.Count);
        Assert.Single(_server.PostedMessagesTo(StandInServer.DefaultTeamsChannel));
        var channels = _server.Snapshot()["teams"]!["channels"]!.AsArray();
        Assert.Equal(["ope-screening", "ope-reports"], channels.Select(channel => channel!["name"]!.GetValue<string>()));
        Assert.Equal("AdaptiveCard", channels[0]!["messages"]![0]!["cards"]![0]!["content"]!["type"]!.GetValue<string>());
        Assert.Contains("sig=local-signature", _server.TeamsWebhookUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_signature_is_401_and_a_body_that_is_not_a_message_400()
    {
        using var client = new HttpClient();
        var forged = new Uri(_server.TeamsWebhookUrl.AbsoluteUri.Replace("sig=local-signature", "sig=guess", StringComparison.Ordinal));

        using var unsigned = await client.PostAsync(forged, Json(Card));
        using var notMessage = await client.PostAsync(_server.TeamsWebhookUrl, Json("""{"text":"hello"}"""));
        using var noAttachments = await client.PostAsync(_server.TeamsWebhookUrl, Json("""{"type":"message","attachments":[]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notMessage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAttachments.StatusCode);
        Assert.Empty(_server.PostedMessages);
        Assert.Equal(3, _server.TeamsRequests.Count);
    }

    [Fact]
    public async Task Faults_apply_to_the_webhook_with_Retry_After()
    {
        using var client = new HttpClient();
        _server.FailNextTeamsPosts(429, retryAfter: TimeSpan.FromSeconds(2));
        _server.QueueFault(503, pathContains: "/workflows/");

        using var throttled = await client.PostAsync(_server.TeamsWebhookUrl, Json(Card));
        using var unavailable = await client.PostAsync(_server.TeamsWebhookUrl, Json(Card));
        using var accepted = await client.PostAsync(_server.TeamsWebhookUrl, Json(Card));

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("2", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Single(_server.PostedMessages);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
