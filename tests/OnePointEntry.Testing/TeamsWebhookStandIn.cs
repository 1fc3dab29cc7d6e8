using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace OnePointEntry.Testing;

/// <summary>
/// A stand-in for a Teams channel's Workflows webhook ("When a Teams webhook request is received") on a free local
/// port (WireMock.Net): <c>POST</c> to <see cref="WebhookUrl"/> is answered <c>202 Accepted</c> and the posted
/// card is recorded. Faults (e.g. 429 with Retry-After) can be queued. Point <c>Teams__WebhookUrl</c> at it.
/// </summary>
public sealed class TeamsWebhookStandIn : IDisposable
{
    public const string WebhookPath = "/workflows/ope-screening/triggers/manual/paths/invoke";

    private readonly WireMockServer _server;
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<JsonNode> _cards = [];
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _faults = new();

    private TeamsWebhookStandIn()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false });
        _server.Given(Request.Create().WithPath("/*").UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    /// <summary>The webhook's URL, with a signature in the query as Workflows gives one; for <c>Teams__WebhookUrl</c>.</summary>
    public Uri WebhookUrl => new($"{_server.Url}{WebhookPath}?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=test-signature");

    public Dictionary<string, string?> Settings => new() { ["Teams:WebhookUrl"] = WebhookUrl.AbsoluteUri };

    /// <summary>Every request, including the ones answered with a fault.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The message payloads accepted (<c>{"type":"message","attachments":[...]}</c>), in order.</summary>
    public IReadOnlyList<JsonNode> PostedMessages
    {
        get
        {
            lock (_lock)
            {
                return [.. _cards];
            }
        }
    }

    public static TeamsWebhookStandIn Start() => new();

    /// <summary>The next <paramref name="count"/> posts are answered with this status instead (and a Retry-After when given).</summary>
    public void FailNext(int status, int count = 1, TimeSpan? retryAfter = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue((status, retryAfter));
            }
        }
    }

    public void Dispose() => _server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var recorded = new RecordedRequest(
            request.Method,
            request.AbsolutePath ?? request.Path,
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.RawQuery ?? ""),
            request.Headers?.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase) ?? [],
            request.Body,
            request.DateTime);
        lock (_lock)
        {
            _requests.Add(recorded);
            if (_faults.TryDequeue(out var fault))
            {
                var failed = new ResponseMessage { StatusCode = fault.Status };
                if (fault.RetryAfter is { } retryAfter)
                {
                    failed.AddHeader("Retry-After", ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                }

                return failed;
            }

            if (recorded.Method != "POST" || recorded.Path != WebhookPath || recorded.Query["sig"] != "test-signature")
            {
                return new ResponseMessage { StatusCode = 404 };
            }

            JsonNode? body;
            try
            {
                body = JsonNode.Parse(recorded.Body ?? "");
            }
            catch (System.Text.Json.JsonException)
            {
                return new ResponseMessage { StatusCode = 400 };
            }

            if (body?["type"]?.GetValue<string>() != "message" || body["attachments"] is not JsonArray { Count: > 0 })
            {
                return new ResponseMessage { StatusCode = 400 };
            }

            _cards.Add(body);
            return new ResponseMessage { StatusCode = 202 };
        }
    }
}
