using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Batch;

/// <summary>JSON batching: inner requests run as requests of their own, with the batch's token.</summary>
public sealed class BatchTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_SDKs_batch_runs_each_request_and_answers_each_by_id()
    {
        var graph = GraphClients.For(_server);
        var batch = new BatchRequestContentCollection(graph);
        var user = await batch.AddBatchRequestStepAsync(graph.Users[_server.Mailbox].ToGetRequestInformation());
        var missing = await batch.AddBatchRequestStepAsync(graph.Users["nobody@onepointentry.example"].ToGetRequestInformation());

        var response = await graph.Batch.PostAsync(batch);

        Assert.Equal(_server.MailboxUserId, (await response.GetResponseByIdAsync<User>(user)).Id);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.NotFound, statuses[missing]);
        Assert.Equal(["/$batch", $"/users/{_server.Mailbox}", "/users/nobody@onepointentry.example"], _server.Requests.Select(request => request.Path));
        Assert.All(_server.Requests, request => Assert.StartsWith("Bearer ", request.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_whose_dependency_failed_is_424_and_inner_faults_apply()
    {
        using var client = GraphClients.Raw(_server);
        _server.FailNext("GET", "^/subscriptions$", 503, "ServiceUnavailable");
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = "/subscriptions" },
                new JsonObject { ["id"] = "2", ["method"] = "GET", ["url"] = $"/users/{_server.Mailbox}", ["dependsOn"] = new JsonArray("1") }),
        };

        using var response = await client.PostAsync("v1.0/$batch", JsonContent.Create(batch));

        var answers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([503, 424], answers.Select(answer => answer!["status"]!.GetValue<int>()));
        Assert.Equal("ServiceUnavailable", answers[0]!["body"]!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task More_than_20_requests_or_no_token_is_refused()
    {
        var requests = new JsonArray([.. Enumerable.Range(1, 21).Select(number => (JsonNode)new JsonObject { ["id"] = $"{number}", ["method"] = "GET", ["url"] = "/subscriptions" })]);
        using var withToken = GraphClients.Raw(_server);
        using var withoutToken = GraphClients.Raw(_server, withToken: false);

        using var tooMany = await withToken.PostAsync("v1.0/$batch", JsonContent.Create(new JsonObject { ["requests"] = requests }));
        using var anonymous = await withoutToken.PostAsync("v1.0/$batch", JsonContent.Create(new JsonObject { ["requests"] = new JsonArray(new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = "/subscriptions" }) }));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("BadRequest", JsonNode.Parse(await tooMany.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }
}
