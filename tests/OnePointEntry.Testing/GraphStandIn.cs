using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace OnePointEntry.Testing;

/// <summary>
/// A stand-in for the part of Microsoft Graph v1.0 that the app uses, on a free local port (WireMock.Net), keeping
/// one shared mailbox in memory and answering with Graph's documented JSON shapes and error codes: messages and
/// their MIME (<c>$value</c>), <c>move</c> (ids change unless the request prefers immutable ids, as in Outlook),
/// <c>reply</c>, <c>sendMail</c>, the inbox's child folders, the inbox delta query (paged through
/// <c>@odata.nextLink</c> to an <c>@odata.deltaLink</c>, with <c>@removed</c> entries), and subscriptions
/// (rejecting an expiry past 10,070 minutes); for routing, screeners' calendars, getSchedule and a Planner plan
/// (see GraphStandIn.Routing.cs). Every request is recorded; faults can be queued.
/// The real Graph SDK talks to it over HTTP: point <c>Graph__BaseUrl</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed partial class GraphStandIn : IDisposable
{
    public const string InboxId = "AQMkADOPEInbox";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly WireMockServer _server;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StagedMessage> _messages = new(StringComparer.Ordinal);
    private readonly List<MailFolderState> _inboxChildFolders = [];
    private readonly Dictionary<string, SubscriptionState> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<InboxChange> _inboxChanges = [];
    private readonly Dictionary<string, DeltaRound> _deltaRounds = new(StringComparer.Ordinal);
    private readonly List<Fault> _faults = [];
    private readonly List<RecordedRequest> _requests = [];
    private int _sequence;

    private readonly bool _requireToken;

    private GraphStandIn(string mailbox, bool requireToken)
    {
        Mailbox = mailbox;
        _requireToken = requireToken;
        _server = WireMockServer.Start(new WireMockServerSettings { StartAdminInterface = false });
        _server.Given(Request.Create().WithPath("/*").UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    /// <summary>The shared mailbox this stand-in holds (what <c>Graph__Mailbox</c> must say).</summary>
    public string Mailbox { get; }

    /// <summary>The stand-in's Graph root, for <c>Graph__BaseUrl</c>.</summary>
    public Uri BaseUrl => new($"{_server.Url}/v1.0");

    /// <summary>How many entries a delta page holds before an <c>@odata.nextLink</c>.</summary>
    public int DeltaPageSize { get; set; } = 10;

    /// <summary>Sets the <c>Graph__Mailbox</c> and <c>Graph__BaseUrl</c> settings for this stand-in.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Graph:Mailbox"] = Mailbox,
        ["Graph:BaseUrl"] = BaseUrl.AbsoluteUri,
    };

    /// <summary>Every request made so far, in order.</summary>
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

    public IReadOnlyList<SubscriptionState> Subscriptions
    {
        get
        {
            lock (_lock)
            {
                return [.. _subscriptions.Values];
            }
        }
    }

    public IReadOnlyList<MailFolderState> InboxChildFolders
    {
        get
        {
            lock (_lock)
            {
                return [.. _inboxChildFolders];
            }
        }
    }

    /// <param name="requireToken">
    /// Answer 401 to requests without a bearer token, as Graph does. Off lets requests without one through;
    /// the app itself always sends one (with <c>Graph__Credential=Local</c> from the Microsoft 365 stand-in's
    /// token endpoint, which this stand-in does not have).
    /// </param>
    public static GraphStandIn Start(string mailbox = "delegations@onepointentry.test", bool requireToken = true) => new(mailbox, requireToken);

    /// <summary>Puts a message with this raw RFC 822 content into the inbox; returns its id.</summary>
    public string StageMessage(string mime) => StageMessage(Encoding.UTF8.GetBytes(mime));

    public string StageMessage(byte[] mime)
    {
        lock (_lock)
        {
            var id = NewId("AAMkADOPEmsg");
            _messages[id] = new StagedMessage(id, InboxId, mime);
            _inboxChanges.Add(new InboxChange(++_sequence, id, Removed: false));
            return id;
        }
    }

    /// <summary>Deletes a message, as a person in Outlook would; the next delta reports it <c>@removed</c>.</summary>
    public void DeleteMessage(string id)
    {
        lock (_lock)
        {
            if (_messages.Remove(id, out var message) && message.FolderId == InboxId)
            {
                _inboxChanges.Add(new InboxChange(++_sequence, id, Removed: true));
            }
        }
    }

    /// <summary>The folder a message is in now (its display name, or "Inbox"), or null when no message has this id.</summary>
    public string? FolderOf(string id)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(id, out var message))
            {
                return null;
            }

            return message.FolderId == InboxId ? "Inbox" : _inboxChildFolders.Single(folder => folder.Id == message.FolderId).DisplayName;
        }
    }

    /// <summary>Adds a child folder of the inbox, as if someone had made it by hand.</summary>
    public string AddInboxChildFolder(string displayName)
    {
        lock (_lock)
        {
            var folder = new MailFolderState(NewId("AAMkADOPEfolder"), displayName);
            _inboxChildFolders.Add(folder);
            return folder.Id;
        }
    }

    /// <summary>Forgets a subscription, as Graph does when one expires or is removed.</summary>
    public void RemoveSubscription(string id)
    {
        lock (_lock)
        {
            _subscriptions.Remove(id);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests whose method and path (after <c>/v1.0</c>) match get this error
    /// instead, with a <c>Retry-After</c> header when given.
    /// </summary>
    public void FailNext(string method, string pathPattern, int status, string code, int count = 1, TimeSpan? retryAfter = null)
    {
        lock (_lock)
        {
            _faults.Add(new Fault(method, new Regex(pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), status, code, retryAfter, count));
        }
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathPattern) =>
        [.. Requests.Where(request => request.Method == method && Regex.IsMatch(request.Path, pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];

    public void Dispose() => _server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var path = DecodedPath(request);
        var recorded = new RecordedRequest(
            request.Method,
            path,
            QueryHelpers.ParseQuery(request.RawQuery ?? ""),
            request.Headers?.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase) ?? [],
            request.Body,
            request.DateTime);
        lock (_lock)
        {
            _requests.Add(recorded);
            if (TakeFault(recorded) is { } fault)
            {
                return fault;
            }

            if (_requireToken && (!recorded.Headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)))
            {
                return Error(401, "InvalidAuthenticationToken", "Access token is empty.");
            }

            return Route(recorded);
        }
    }

    private ResponseMessage Route(RecordedRequest request)
    {
        Match match;
        if ((match = MessageRoute().Match(request.Path)).Success)
        {
            return !IsMailbox(match) ? NoSuchMailbox() : MessageAction(request, match.Groups["id"].Value, match.Groups["action"].Value);
        }

        if ((match = ChildFoldersRoute().Match(request.Path)).Success)
        {
            return !IsMailbox(match) ? NoSuchMailbox() : request.Method switch
            {
                "GET" => ListChildFolders(request),
                "POST" => CreateChildFolder(request),
                _ => Error(405, "ErrorInvalidRequest", "Method not allowed."),
            };
        }

        if ((match = DeltaRoute().Match(request.Path)).Success && request.Method == "GET")
        {
            return !IsMailbox(match) ? NoSuchMailbox() : Delta(request);
        }

        if ((match = SendMailRoute().Match(request.Path)).Success && request.Method == "POST")
        {
            return !IsMailbox(match) ? NoSuchMailbox() : Empty(202);
        }

        if (request.Path.Equals("/subscriptions", StringComparison.OrdinalIgnoreCase) && request.Method == "POST")
        {
            return CreateSubscription(request);
        }

        if ((match = SubscriptionRoute().Match(request.Path)).Success && request.Method == "PATCH")
        {
            return RenewSubscription(request, match.Groups["id"].Value);
        }

        if (RouteRouting(request) is { } routed)
        {
            return routed;
        }

        return Error(400, "BadRequest", $"Resource not found for the segment '{request.Path}'.");
    }

    private ResponseMessage MessageAction(RecordedRequest request, string id, string action)
    {
        if (!_messages.TryGetValue(id, out var message))
        {
            return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        switch (action.ToUpperInvariant())
        {
            case "$VALUE" when request.Method == "GET":
                return Bytes(200, "text/plain", message.Mime);
            case "REPLY" when request.Method == "POST":
                return Empty(202);
            case "MOVE" when request.Method == "POST":
                var destination = ParseBody(request.Body)?["destinationId"]?.GetValue<string>();
                if (destination is null || _inboxChildFolders.All(folder => folder.Id != destination) && destination != InboxId)
                {
                    return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
                }

                var keepsId = request.Headers.TryGetValue("Prefer", out var prefer) && prefer.Contains("IdType=\"ImmutableId\"", StringComparison.OrdinalIgnoreCase);
                var moved = message with { Id = keepsId ? id : NewId("AAMkADOPEmoved"), FolderId = destination };
                _messages.Remove(id);
                _messages[moved.Id] = moved;
                if (message.FolderId == InboxId && destination != InboxId)
                {
                    _inboxChanges.Add(new InboxChange(++_sequence, id, Removed: true));
                }

                return Json(201, new JsonObject
                {
                    ["@odata.context"] = $"{BaseUrl}/$metadata#users('{Mailbox}')/messages/$entity",
                    ["id"] = moved.Id,
                    ["parentFolderId"] = moved.FolderId,
                });
            default:
                return Error(405, "ErrorInvalidRequest", "Method not allowed.");
        }
    }

    private ResponseMessage ListChildFolders(RecordedRequest request)
    {
        IEnumerable<MailFolderState> folders = _inboxChildFolders;
        if (request.Query.TryGetValue("$filter", out var filter))
        {
            var match = DisplayNameFilter().Match(filter.ToString());
            if (!match.Success)
            {
                return Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            }

            var name = match.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal);
            folders = folders.Where(folder => string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        }

        var value = new JsonArray([.. folders.Select(folder => (JsonNode)FolderJson(folder))]);
        return Json(200, new JsonObject { ["@odata.context"] = $"{BaseUrl}/$metadata#users('{Mailbox}')/mailFolders('inbox')/childFolders", ["value"] = value });
    }

    private ResponseMessage CreateChildFolder(RecordedRequest request)
    {
        var name = ParseBody(request.Body)?["displayName"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error(400, "ErrorInvalidRequest", "The displayName is required.");
        }

        if (_inboxChildFolders.Any(folder => string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Error(409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }

        var created = new MailFolderState(NewId("AAMkADOPEfolder"), name);
        _inboxChildFolders.Add(created);
        return Json(201, FolderJson(created));
    }

    private JsonObject FolderJson(MailFolderState folder) => new()
    {
        ["id"] = folder.Id,
        ["displayName"] = folder.DisplayName,
        ["parentFolderId"] = InboxId,
        ["childFolderCount"] = 0,
        ["unreadItemCount"] = 0,
        ["totalItemCount"] = _messages.Values.Count(message => message.FolderId == folder.Id),
    };

    /// <summary>
    /// A first call lists the inbox as it is; a call with a <c>$deltatoken</c> lists what changed since. Either is cut
    /// into pages of <see cref="DeltaPageSize"/> linked by <c>$skiptoken</c>s, the last carrying the new delta link.
    /// </summary>
    private ResponseMessage Delta(RecordedRequest request)
    {
        DeltaRound round;
        if (request.Query.TryGetValue("$skiptoken", out var skipToken))
        {
            if (!_deltaRounds.TryGetValue(skipToken.ToString(), out var pending))
            {
                return Error(400, "SyncStateNotFound", "The sync state was not found.");
            }

            _deltaRounds.Remove(skipToken.ToString());
            round = pending;
        }
        else
        {
            var entries = new List<JsonObject>();
            if (request.Query.TryGetValue("$deltatoken", out var deltaToken))
            {
                var since = int.Parse(deltaToken.ToString(), CultureInfo.InvariantCulture);
                foreach (var change in _inboxChanges.Where(change => change.Sequence > since))
                {
                    entries.Add(change.Removed
                        ? new JsonObject { ["@odata.type"] = "#microsoft.graph.message", ["id"] = change.MessageId, ["@removed"] = new JsonObject { ["reason"] = "deleted" } }
                        : MessageEntry(change.MessageId));
                }
            }
            else
            {
                entries.AddRange(_messages.Values.Where(message => message.FolderId == InboxId).Select(message => MessageEntry(message.Id)));
            }

            round = new DeltaRound(entries, _sequence);
        }

        var page = round.Entries.Take(DeltaPageSize).ToList();
        var rest = round.Entries.Skip(DeltaPageSize).ToList();
        var body = new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#Collection(message)",
            ["value"] = new JsonArray([.. page.Select(entry => (JsonNode)entry)]),
        };
        var deltaPath = $"{BaseUrl}/users/{Uri.EscapeDataString(Mailbox)}/mailFolders('inbox')/messages/delta";
        if (rest.Count > 0)
        {
            var token = NewId("skip");
            _deltaRounds[token] = round with { Entries = rest };
            body["@odata.nextLink"] = $"{deltaPath}?$skiptoken={token}";
        }
        else
        {
            body["@odata.deltaLink"] = $"{deltaPath}?$deltatoken={round.Until.ToString(CultureInfo.InvariantCulture)}";
        }

        return Json(200, body);
    }

    private static JsonNode? ParseBody(string? body) =>
        JsonNode.Parse(string.IsNullOrEmpty(body) ? "{}" : body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });

    private static JsonObject MessageEntry(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.message",
        ["@odata.etag"] = "W/\"CQAAABYAAAA=\"",
        ["id"] = id,
    };

    private ResponseMessage CreateSubscription(RecordedRequest request)
    {
        var body = ParseBody(request.Body)!.AsObject();
        var expires = DateTimeOffset.Parse(body["expirationDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (expires > DateTimeOffset.UtcNow.AddMinutes(10_070))
        {
            return Error(400, "ExtensionError", "Subscription expiration can only be 10070 minutes in the future.");
        }

        var subscription = new SubscriptionState(
            Guid.NewGuid().ToString(),
            body["resource"]?.GetValue<string>() ?? "",
            body["changeType"]?.GetValue<string>() ?? "",
            body["notificationUrl"]?.GetValue<string>() ?? "",
            body["lifecycleNotificationUrl"]?.GetValue<string>(),
            body["clientState"]?.GetValue<string>(),
            expires);
        _subscriptions[subscription.Id] = subscription;
        return Json(201, SubscriptionJson(subscription));
    }

    private ResponseMessage RenewSubscription(RecordedRequest request, string id)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return Error(404, "ResourceNotFound", $"The object was not found.");
        }

        var expires = DateTimeOffset.Parse(ParseBody(request.Body)!["expirationDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (expires > DateTimeOffset.UtcNow.AddMinutes(10_070))
        {
            return Error(400, "ExtensionError", "Subscription expiration can only be 10070 minutes in the future.");
        }

        var renewed = subscription with { ExpiresAt = expires };
        _subscriptions[id] = renewed;
        return Json(200, SubscriptionJson(renewed));
    }

    private JsonObject SubscriptionJson(SubscriptionState subscription) => new()
    {
        ["@odata.context"] = $"{BaseUrl}/$metadata#subscriptions/$entity",
        ["id"] = subscription.Id,
        ["resource"] = subscription.Resource,
        ["applicationId"] = "00000000-0000-0000-0000-00000000a11c",
        ["changeType"] = subscription.ChangeType,
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl,
        ["lifecycleNotificationUrl"] = subscription.LifecycleNotificationUrl,
        ["expirationDateTime"] = subscription.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        ["creatorId"] = "00000000-0000-0000-0000-00000000c4ea",
        ["latestSupportedTlsVersion"] = "v1_2",
    };

    private ResponseMessage? TakeFault(RecordedRequest request)
    {
        var fault = _faults.FirstOrDefault(candidate => candidate.Remaining > 0 && candidate.Method == request.Method && candidate.Path.IsMatch(request.Path));
        if (fault is null)
        {
            return null;
        }

        fault.Remaining--;
        var response = Error(fault.Status, fault.Code, "Injected by the test.");
        if (fault.RetryAfter is { } retryAfter)
        {
            response.AddHeader("Retry-After", ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private bool IsMatchingMailbox(string mailbox) => string.Equals(mailbox, Mailbox, StringComparison.OrdinalIgnoreCase);

    private bool IsMailbox(Match match) => IsMatchingMailbox(match.Groups["mailbox"].Value);

    private static ResponseMessage NoSuchMailbox() => Error(404, "ErrorInvalidUser", "The requested user is invalid.");

    private string NewId(string prefix) => $"{prefix}{++_sequence:D4}-_AAA=";

    private static string DecodedPath(IRequestMessage request)
    {
        var path = request.AbsolutePath ?? request.Path;
        var segments = path.Split('/').Select(Uri.UnescapeDataString);
        var decoded = string.Join('/', segments);
        return decoded.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? decoded["/v1.0".Length..] : decoded;
    }

    private static ResponseMessage Error(int status, string code, string message) => Json(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject { ["date"] = DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture), ["request-id"] = Guid.NewGuid().ToString() },
        },
    });

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(s_json), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
        response.AddHeader("request-id", Guid.NewGuid().ToString());
        return response;
    }

    private static ResponseMessage Bytes(int status, string contentType, byte[] body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    private static ResponseMessage Empty(int status) => new() { StatusCode = status };

    [GeneratedRegex(@"^/users/(?<mailbox>[^/]+)/messages/(?<id>[^/]+)/(?<action>\$value|move|reply)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageRoute();

    [GeneratedRegex(@"^/users/(?<mailbox>[^/]+)/mailfolders(/inbox|\('inbox'\))/childfolders$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChildFoldersRoute();

    [GeneratedRegex(@"^/users/(?<mailbox>[^/]+)/mailfolders(/inbox|\('inbox'\))/messages/delta(\(\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeltaRoute();

    [GeneratedRegex(@"^/users/(?<mailbox>[^/]+)/sendmail$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SendMailRoute();

    [GeneratedRegex(@"^/subscriptions/(?<id>[^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptionRoute();

    [GeneratedRegex(@"^displayName eq '(?<name>(?:[^']|'')*)'$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplayNameFilter();

    private sealed record StagedMessage(string Id, string FolderId, byte[] Mime);

    private sealed record InboxChange(int Sequence, string MessageId, bool Removed);

    private sealed record DeltaRound(List<JsonObject> Entries, int Until);

    private sealed class Fault(string method, Regex path, int status, string code, TimeSpan? retryAfter, int count)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public int Status { get; } = status;

        public string Code { get; } = code;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public int Remaining { get; set; } = count;
    }
}

/// <summary>A request the stand-in received; <see cref="Path"/> is decoded and relative to <c>/v1.0</c>.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    DateTime ReceivedAt)
{
    /// <summary>
    /// The JSON body, with property names matched case-insensitively as Graph does: the SDK writes action
    /// parameters as Graph's metadata spells them (<c>DestinationId</c>, <c>Message</c>, <c>SaveToSentItems</c>).
    /// </summary>
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
}

public sealed record MailFolderState(string Id, string DisplayName);

public sealed record SubscriptionState(
    string Id,
    string Resource,
    string ChangeType,
    string NotificationUrl,
    string? LifecycleNotificationUrl,
    string? ClientState,
    DateTimeOffset ExpiresAt);
