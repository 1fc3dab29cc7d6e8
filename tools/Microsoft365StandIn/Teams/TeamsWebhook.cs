using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft365StandIn.Hosting;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Teams;

/// <summary>
/// A Teams channel's Workflows webhook ("When a Teams webhook request is received"):
/// <c>POST /workflows/{channel}/triggers/manual/paths/invoke?api-version=1&amp;sp=%2Ftriggers%2Fmanual%2Frun&amp;sv=1.0&amp;sig=…</c>.
/// The <c>sig</c> must be the stand-in's signature (401 otherwise); the body must be a message with attachments
/// (<c>{"type":"message","attachments":[{contentType, content}]}</c>, 400 otherwise); accepted messages are
/// answered 202 and kept per channel. No bearer token: the signature is the webhook's only credential.
/// </summary>
internal sealed partial class TeamsWebhook(StandInState state, string signature)
{
    /// <summary>Workflows takes requests up to 100 MB; Teams itself refuses a message over 28 KB later, in the flow.</summary>
    private const long MaxBody = 1024 * 1024;

    public static bool Matches(string path) => PathPattern().IsMatch(path);

    public async Task HandleAsync(HttpContext context)
    {
        var body = await BodyReader.ReadAsync(context.Request, MaxBody, context.RequestAborted);
        var path = context.Request.Path.Value!;
        Faults.FaultOutcome? fault = null;
        (int Status, TimeSpan? RetryAfter)? typed = null;
        RecordedRequest recorded;
        lock (state.Gate)
        {
            recorded = RequestCapture.Record(context.Request, path, body ?? [], state.Now.UtcDateTime);
            state.Record(state.TeamsRequests, recorded);
            if (state.Faults.TeamsPosts.TryDequeue(out var next))
            {
                typed = next;
            }
            else
            {
                fault = state.Faults.Take(context.Request.Method, path, graphPath: null);
            }
        }

        if (fault is { Latency: var latency } && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        if ((typed?.Status ?? fault?.Status) is { } failure)
        {
            var retryAfter = typed is not null ? typed.Value.RetryAfter : fault!.RetryAfter;
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, failure, failure == 429 ? "WorkflowRequestsThrottled" : "ServiceUnavailable", "Injected by the stand-in.");
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ErrorAsync(context, 405, "MethodNotAllowed", "The trigger accepts POST requests only.");
            return;
        }

        var given = recorded.Query.TryGetValue("sig", out var sig) ? sig.ToString() : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(signature)))
        {
            await ErrorAsync(context, 401, "DirectApiInvalidAuthorizationSignature", "The provided request signature is not valid for this trigger.");
            return;
        }

        if (body is null)
        {
            await ErrorAsync(context, 413, "TriggerRequestBodyTooLarge", "The request body is too large.");
            return;
        }

        JsonObject? message;
        try
        {
            message = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null || message["type"]?.GetValue<string>() != "message" || message["attachments"] is not JsonArray { Count: > 0 } attachments
            || attachments.Any(attachment => attachment?["contentType"] is null || attachment["content"] is null))
        {
            await ErrorAsync(context, 400, "InvalidRequestContent", "The request content is not a message with attachments: {\"type\":\"message\",\"attachments\":[{\"contentType\",\"content\"}]}.");
            return;
        }

        var channel = PathPattern().Match(path).Groups["channel"].Value;
        lock (state.Gate)
        {
            state.Data.TeamsPosts.Add(new TeamsPost(channel, state.Now, message));
            state.MarkChanged();
        }

        context.Response.StatusCode = 202;
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        Problems.WriteJsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    [GeneratedRegex(@"^/workflows/(?<channel>[^/]+)/triggers/manual/paths/invoke/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
