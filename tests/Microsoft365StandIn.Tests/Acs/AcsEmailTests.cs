using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Acs;

/// <summary>ACS Email over HTTPS with the stand-in's token, through Azure.Core's pipeline as the app's sender uses it.</summary>
public sealed class AcsEmailTests : IAsyncLifetime
{
    private const string ApiVersion = "2025-09-01";

    private static readonly string s_message = new JsonObject
    {
        ["senderAddress"] = "DoNotReply@notify.onepointentry.example",
        ["content"] = new JsonObject { ["subject"] = "Monthly statistics", ["plainText"] = "See the chart.", ["html"] = "<p>See the chart.</p><img src=\"cid:chart\">" },
        ["recipients"] = new JsonObject { ["to"] = new JsonArray(new JsonObject { ["address"] = "management@onepointentry.example" }) },
        ["attachments"] = new JsonArray(new JsonObject { ["name"] = "chart", ["contentType"] = "image/png", ["contentInBase64"] = "iVBORw0=", ["contentId"] = "chart" }),
    }.ToJsonString();

    private StandInServer _server = null!;
    private StandInTokenCredential _credential = null!;

    public async Task InitializeAsync()
    {
        _server = await StandInServer.StartAsync(new StandInOptions { HttpsPort = 0 });
        _credential = _server.CreateCredential();
    }

    public async Task DisposeAsync()
    {
        _credential.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_send_is_accepted_with_an_operation_whose_polls_run_until_it_succeeded()
    {
        _server.AcsStatuses = ["Running", "Succeeded"];
        var pipeline = Pipeline();

        var (status, location) = await SendAsync(pipeline, "op-1");
        var polls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            polls.Add(await PollAsync(pipeline, new Uri(location)));
        }

        Assert.Equal(202, status);
        Assert.Equal(new Uri(_server.AcsEndpoint, $"emails/operations/op-1?api-version={ApiVersion}").AbsoluteUri, location);
        Assert.Equal(["Running", "Succeeded", "Succeeded"], polls);
        Assert.Equal("https", _server.AcsEndpoint.Scheme);
        var mail = Assert.Single(_server.Snapshot()["acsMails"]!.AsArray())!;
        Assert.Equal(("op-1", "Succeeded", "Monthly statistics"), (mail["operationId"]!.GetValue<string>(), mail["status"]!.GetValue<string>(), mail["subject"]!.GetValue<string>()));
        Assert.Equal("chart", mail["inlineImages"]![0]!["contentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_send_repeated_with_the_same_operation_id_is_one_mail()
    {
        var pipeline = Pipeline();
        _server.FailNextAcsSends(503, "ServiceUnavailable");

        var (refused, _) = await SendAsync(pipeline, "op-2");
        var (accepted, _) = await SendAsync(pipeline, "op-2");
        var (again, _) = await SendAsync(pipeline, "op-2");

        Assert.Equal((503, 202, 202), (refused, accepted, again));
        Assert.Single(_server.Snapshot()["acsMails"]!.AsArray());
        Assert.Equal(3, _server.AcsSends.Count);
    }

    [Fact]
    public async Task A_send_without_a_token_or_api_version_is_refused_as_ACS_refuses_it()
    {
        using var client = new HttpClient(_server.CreateHttpsHandler()) { BaseAddress = _server.AcsEndpoint };

        using var anonymous = await client.PostAsync($"./emails:send?api-version={ApiVersion}", new StringContent(s_message, Encoding.UTF8, "application/json"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _server.IssueToken(scope: "https://communication.azure.com/.default"));
        using var noVersion = await client.PostAsync("./emails:send", new StringContent(s_message, Encoding.UTF8, "application/json"));
        using var noRecipient = await client.PostAsync($"./emails:send?api-version={ApiVersion}", new StringContent("""{"senderAddress":"a@b.c","content":{"subject":"s","plainText":"t"},"recipients":{"to":[]}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal("MissingApiVersionParameter", noVersion.Headers.GetValues("x-ms-error-code").Single());
        Assert.Equal(HttpStatusCode.BadRequest, noRecipient.StatusCode);
        Assert.Empty(_server.Snapshot()["acsMails"]!.AsArray());
    }

    private HttpPipeline Pipeline()
    {
        var options = new PipelineOptions { Transport = _server.AcsTransport };
        options.Retry.MaxRetries = 0;
        return HttpPipelineBuilder.Build(options, [], [new BearerTokenAuthenticationPolicy(_credential, "https://communication.azure.com/.default")], new ResponseClassifier());
    }

    private async Task<(int Status, string Location)> SendAsync(HttpPipeline pipeline, string operationId)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(_server.AcsEndpoint, $"./emails:send?api-version={ApiVersion}"));
        message.Request.Headers.Add("Operation-Id", operationId);
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(s_message));
        await pipeline.SendAsync(message, CancellationToken.None);
        return (message.Response.Status, message.Response.Headers.TryGetValue("Operation-Location", out var location) ? location! : "");
    }

    private static async Task<string> PollAsync(HttpPipeline pipeline, Uri uri)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        await pipeline.SendAsync(message, CancellationToken.None);
        return JsonNode.Parse(message.Response.Content.ToString())!["status"]!.GetValue<string>();
    }

    private sealed class PipelineOptions : ClientOptions;
}
