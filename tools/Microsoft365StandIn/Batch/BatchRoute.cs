using System.Text;
using System.Text.Json.Nodes;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Batch;

/// <summary>
/// JSON batching (<c>POST /$batch</c>): up to 20 requests (<c>id</c>, <c>method</c>, relative <c>url</c>,
/// <c>headers</c>, <c>body</c>, <c>dependsOn</c>), each run through the same dispatcher as a request of its own
/// (recorded, faults, tokens: an inner request carries the batch's <c>Authorization</c>), answered together as
/// <c>{"responses":[{id, status, headers, body}]}</c>. A request whose dependency failed is answered
/// <c>424 Failed Dependency</c>. A JSON answer is inlined; any other body comes as base64, as Graph does.
/// </summary>
internal sealed class BatchRoute(StandInState state, Func<GraphCall, CancellationToken, Task<GraphResponse>> dispatch)
{
    public const int MaxRequests = 20;

    public GraphRoute Route => GraphRoute.Async("POST", @"^/\$batch$", RunAsync);

    private async Task<GraphResponse> RunAsync(GraphCall call, System.Text.RegularExpressions.Match match, CancellationToken cancellationToken)
    {
        if (call.JsonBody()?["requests"] is not JsonArray requests || requests.Any(request => request is not JsonObject))
        {
            return GraphResponse.Error(400, "BadRequest", "Invalid batch payload format: a requests array of request objects is required.");
        }

        if (requests.Count > MaxRequests)
        {
            return GraphResponse.Error(400, "BadRequest", $"Number of batch request steps exceeds the maximum of {MaxRequests}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests.Cast<JsonObject>())
        {
            var id = GraphJson.String(request["id"]) ?? request["id"]?.ToString();
            if (string.IsNullOrEmpty(id) || GraphJson.String(request["method"]) is not { Length: > 0 } || GraphJson.String(request["url"]) is not { Length: > 0 })
            {
                return GraphResponse.Error(400, "BadRequest", "Invalid batch payload format: every request needs an id, a method and a url.");
            }

            if (!ids.Add(id))
            {
                return GraphResponse.Error(400, "BadRequest", $"Batch request contains a duplicate request id '{id}'.");
            }

            foreach (var dependency in request["dependsOn"] as JsonArray ?? [])
            {
                if (GraphJson.String(dependency) is not { } dependsOn || !ids.Contains(dependsOn) || dependsOn == id)
                {
                    return GraphResponse.Error(400, "BadRequest", $"Request '{id}' depends on '{dependency}', which is not an earlier request of the batch.");
                }
            }
        }

        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new JsonArray();
        foreach (var request in requests.Cast<JsonObject>())
        {
            var id = GraphJson.String(request["id"]) ?? request["id"]!.ToString();
            GraphResponse response;
            var failed = (request["dependsOn"] as JsonArray ?? []).Select(GraphJson.String).FirstOrDefault(dependency => statuses[dependency!] is < 200 or >= 300);
            if (failed is not null)
            {
                response = GraphResponse.Error(424, "FailedDependency", $"The request it depends on ('{failed}') failed.");
            }
            else if (Inner(call, request) is not { } inner)
            {
                response = GraphResponse.Error(400, "BadRequest", "The request's url must be relative to the Graph version (/users/...).");
            }
            else
            {
                response = await dispatch(inner, cancellationToken);
            }

            statuses[id] = response.Status;
            responses.Add(Answer(id, response, call));
        }

        return GraphResponse.WithJson(200, new JsonObject { ["responses"] = responses });
    }

    private GraphCall? Inner(GraphCall batch, JsonObject request)
    {
        var url = GraphJson.String(request["url"])!;
        if (url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            var versionAt = url.IndexOf("/v1.0/", StringComparison.OrdinalIgnoreCase);
            if (versionAt < 0)
            {
                return null;
            }

            url = url[(versionAt + "/v1.0".Length)..];
        }

        if (!url.StartsWith('/'))
        {
            url = "/" + url;
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? url : url[..question];
        if (rawPath.Equals("/$batch", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = string.Join('/', rawPath.Split('/').Select(Uri.UnescapeDataString));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(question < 0 ? "" : url[question..]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request["headers"] as JsonObject ?? [])
        {
            headers[name] = value?.ToString() ?? "";
        }

        // The batch's token, identity and preferences carry over unless the request names its own.
        foreach (var name in new[] { "Authorization", "Prefer", "client-request-id" })
        {
            if (!headers.ContainsKey(name) && batch.Request.Header(name) is { } value)
            {
                headers[name] = value;
            }
        }

        var body = request["body"] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => Decode(text),
            var node => node.ToJsonString(),
        };
        var recorded = new RecordedRequest(GraphJson.String(request["method"])!.ToUpperInvariant(), path, query, headers, body, state.Now.UtcDateTime);
        return new GraphCall(recorded, batch.Root);
    }

    private static string Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    private JsonObject Answer(string id, GraphResponse response, GraphCall batch)
    {
        var requestId = Guid.NewGuid().ToString();
        GraphEndpoint.FillInnerError(response, requestId, batch.Request.Header("client-request-id") ?? requestId, state.Now);
        var headers = new JsonObject();
        if (response.ContentType is { } contentType)
        {
            headers["Content-Type"] = contentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
        }

        var answer = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.Json is { } json)
        {
            answer["body"] = json.DeepClone();
        }
        else if (response.Bytes is { } bytes)
        {
            answer["body"] = Convert.ToBase64String(bytes);
        }

        return answer;
    }
}
