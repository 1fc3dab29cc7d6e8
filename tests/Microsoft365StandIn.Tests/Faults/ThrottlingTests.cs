using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Faults;

/// <summary>Faults: 429 with Retry-After (which the SDK honours), 5xx, latency, lost answers, and the control routes that queue them.</summary>
public sealed class ThrottlingTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_429_carries_Retry_After_and_the_SDK_waits_that_long_before_trying_again()
    {
        var id = _server.StageMessage(Mails.Enquiry());
        _server.FailNext("GET", @"/\$value$", 429, "ApplicationThrottled", retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await using var content = (await GraphClients.For(_server).Users[_server.Mailbox].Messages[id].Content.GetAsync())!;

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        var attempts = _server.RequestsTo("GET", @"/\$value$");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9));
        Assert.Equal("1", attempts[1].Headers["Retry-Attempt"]);
    }

    [Fact]
    public async Task A_fault_queued_through_the_control_route_answers_429_with_Retry_After_then_clears()
    {
        using var control = new HttpClient { BaseAddress = _server.BaseUrl };
        using var graph = GraphClients.Raw(_server);

        using var queued = await control.PostAsJsonAsync("standin/faults", new { status = 429, times = 2, retryAfterSeconds = 7, pathContains = "/users/" });
        using var first = await graph.GetAsync($"v1.0/users/{_server.Mailbox}");
        using var other = await graph.GetAsync("v1.0/subscriptions");
        using var second = await graph.GetAsync($"v1.0/users/{_server.Mailbox}");
        using var third = await graph.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.Created, queued.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("7", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal("TooManyRequests", JsonNode.Parse(await first.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Latency_alone_delays_without_failing_and_DELETE_clears_the_queue()
    {
        using var control = new HttpClient { BaseAddress = _server.BaseUrl };
        using var graph = GraphClients.Raw(_server);
        (await control.PostAsJsonAsync("standin/faults", new { latencyMs = 600 })).Dispose();
        (await control.PostAsJsonAsync("standin/faults", new { status = 503, times = 5 })).Dispose();
        var clock = Stopwatch.StartNew();

        using var slow = await graph.GetAsync($"v1.0/users/{_server.Mailbox}");
        var waited = clock.Elapsed;
        Assert.Equal(503, Assert.Single(_server.Snapshot()["faults"]!.AsArray())!["status"]!.GetValue<int>());
        using var cleared = await control.DeleteAsync("standin/faults");
        using var after = await graph.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.True(waited >= TimeSpan.FromMilliseconds(550), $"answered after {waited}");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("""{"status": 418}""")]
    [InlineData("""{"times": 2}""")]
    [InlineData("""not json""")]
    public async Task A_fault_the_stand_in_cannot_make_is_a_problem(string body)
    {
        using var control = new HttpClient { BaseAddress = _server.BaseUrl };

        using var response = await control.PostAsync("standin/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_lost_answer_is_carried_out_first()
    {
        _server.AddUser("mei.chen@onepointentry.example");
        _server.LoseNextAnswer("POST", "/events$");
        var graph = GraphClients.For(_server);
        var item = new Microsoft.Graph.Models.Event
        {
            Subject = "Screening",
            Start = new Microsoft.Graph.Models.DateTimeTimeZone { DateTime = "2026-12-08T09:00:00", TimeZone = "UTC" },
            End = new Microsoft.Graph.Models.DateTimeTimeZone { DateTime = "2026-12-08T09:30:00", TimeZone = "UTC" },
        };

        var lost = await Assert.ThrowsAsync<ODataError>(() => graph.Users["mei.chen@onepointentry.example"].Events.PostAsync(item, request => request.Options.Add(new Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options.RetryHandlerOption { MaxRetry = 0 })));

        Assert.Equal((504, "GatewayTimeout"), (lost.ResponseStatusCode, lost.Error?.Code));
        Assert.Single(_server.EventsOf("mei.chen@onepointentry.example"));
    }
}
