using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Routing;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary><see cref="TeamsWorkflowsNotifier"/> over HTTP against <see cref="StandInServer"/>.</summary>
public sealed class TeamsWorkflowsNotifierTests : IDisposable
{
    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly IHost _host;

    public TeamsWorkflowsNotifierTests()
    {
        _host = RoutingTestHost.Build(_m365);
        Notifier = _host.Services.GetRequiredService<ITeamsNotifier>();
    }

    private ITeamsNotifier Notifier { get; }

    [Fact]
    public async Task Posts_an_Adaptive_Card_message_with_facts_and_a_button_to_the_enquiry()
    {
        await Notifier.PostAsync(Card(), CancellationToken.None);

        var message = Assert.Single(_m365.PostedMessages);
        Assert.Equal("message", message["type"]?.GetValue<string>());
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]?.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.Equal("1.4", card["version"]?.GetValue<string>());
        var body = card["body"]!.AsArray();
        Assert.Equal(["TextBlock", "TextBlock", "FactSet"], body.Select(element => element!["type"]!.GetValue<string>()));
        Assert.Equal(@"\[OPE-2611-7K3F\] Screen: Liaoyang \(CN\)", body[0]!["text"]?.GetValue<string>());
        Assert.Equal("Screening for Mette Lund, due 2026-03-04 16:00.", body[1]!["text"]?.GetValue<string>());
        var facts = body[2]!["facts"]!.AsArray();
        Assert.Equal(["Reference", "Organisation"], facts.Select(fact => fact!["title"]!.GetValue<string>()));
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.OpenUrl", action["type"]?.GetValue<string>());
        Assert.Equal("https://ope.example.net/api/enquiries/OPE-2611-7K3F", action["url"]?.GetValue<string>());
        var request = Assert.Single(_m365.TeamsRequests);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Empty(_m365.Requests);
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_typed_not_as_markup_or_links()
    {
        var hostile = "<script>alert('x')</script> see [our offer](https://evil.example/x) **now**\n- item\n1. first";
        await Notifier.PostAsync(Card() with { Title = hostile, Facts = [new("Organisation", hostile)] }, CancellationToken.None);

        var card = Assert.Single(_m365.PostedMessages)["attachments"]![0]!["content"]!;
        var title = card["body"]![0]!["text"]!.GetValue<string>();
        var fact = card["body"]![2]!["facts"]![0]!["value"]!.GetValue<string>();
        const string expected = @"\<script\>alert\('x'\)\</script\> see \[our offer\]\(https://evil.example/x\) \*\*now\*\*" + "\n" + @"\- item" + "\n" + @"1\. first";
        Assert.Equal(expected, title);
        Assert.Equal(title, fact);
        Assert.DoesNotContain("<script>", Assert.Single(_m365.TeamsRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_is_not_http_gets_no_button()
    {
        var message = TeamsWorkflowsNotifier.Render(Card() with { Link = new Uri("javascript:alert(1)") });

        Assert.Null(message["attachments"]![0]!["content"]!["actions"]);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Throttling_or_unavailability_is_retried_after_Retry_After_and_posts_one_card(int status)
    {
        _m365.FailNextTeamsPosts(status, retryAfter: TimeSpan.FromSeconds(1));

        await Notifier.PostAsync(Card(), CancellationToken.None);

        Assert.Single(_m365.PostedMessages);
        var attempts = _m365.TeamsRequests;
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), $"retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_refused_post_is_an_error_once_the_retries_are_spent()
    {
        _m365.FailNextTeamsPosts(400);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Notifier.PostAsync(Card(), CancellationToken.None));

        Assert.Equal(400, failure.Status);
        Assert.Single(_m365.TeamsRequests);
        Assert.Empty(_m365.PostedMessages);
    }

    private static TeamsCard Card() => new(
        "[OPE-2611-7K3F] Screen: Liaoyang (CN)",
        "Screening for Mette Lund, due 2026-03-04 16:00.",
        [new("Reference", "OPE-2611-7K3F"), new("Organisation", "Liaoyang Municipal Government"), new("Empty", " ")],
        new Uri("https://ope.example.net/api/enquiries/OPE-2611-7K3F"));

    public void Dispose()
    {
        _host.Dispose();
        _m365.Dispose();
    }
}
