using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft365StandIn.Faults;
using Microsoft365StandIn.Hosting;
using Microsoft365StandIn.Mail;
using Microsoft365StandIn.State;
using Microsoft365StandIn.Subscriptions;

namespace Microsoft365StandIn.Control;

/// <summary>
/// The stand-in's own routes, for people and scripts (no token): the page, the state document, delivering a mail
/// to the inbox, queuing and clearing faults, and sending lifecycle events. Bad requests get problem+json.
/// </summary>
internal sealed class ControlRoutes(StandInState state, InboxDelivery delivery, LifecycleEvents lifecycle)
{
    public const string Prefix = "/standin";
    private const long MaxJson = 64 * 1024;
    private static readonly int[] s_faultStatuses = [429, 500, 502, 503, 504];

    public static bool Matches(string path) =>
        path.Equals(Prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimEnd('/').ToUpperInvariant();
        var method = context.Request.Method;
        switch (path)
        {
            case "/STANDIN" when HttpMethods.IsGet(method):
                await PageAsync(context);
                break;
            case "/STANDIN/STATE" when HttpMethods.IsGet(method):
                context.Response.Headers.CacheControl = "no-store";
                await Problems.WriteJsonAsync(context, 200, Snapshot());
                break;
            case "/STANDIN/INBOX" when HttpMethods.IsPost(method):
                await InboxAsync(context);
                break;
            case "/STANDIN/FAULTS" when HttpMethods.IsPost(method):
                await AddFaultAsync(context);
                break;
            case "/STANDIN/FAULTS" when HttpMethods.IsDelete(method):
                lock (state.Gate)
                {
                    state.Faults.Clear();
                }

                context.Response.StatusCode = 204;
                break;
            case "/STANDIN/LIFECYCLE" when HttpMethods.IsPost(method):
                await LifecycleAsync(context);
                break;
            case "/STANDIN" or "/STANDIN/STATE" or "/STANDIN/INBOX" or "/STANDIN/FAULTS" or "/STANDIN/LIFECYCLE":
                await Problems.WriteAsync(context, 405, "Method not allowed", $"{method} is not supported on {context.Request.Path}.");
                break;
            default:
                await Problems.WriteAsync(context, 404, "Not found", $"The stand-in has no route {context.Request.Path}; see its README.");
                break;
        }
    }

    public JsonObject Snapshot()
    {
        lock (state.Gate)
        {
            return StateSnapshot.Build(state);
        }
    }

    private async Task PageAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var html = Page.StandInPage.Render(Snapshot(), nonce);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private async Task InboxAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            await Problems.WriteAsync(context, 415, "Unsupported media type", "Send the whole e-mail as Content-Type: message/rfc822.");
            return;
        }

        if (await BodyReader.ReadAsync(context.Request, InboxDelivery.MaxSize, context.RequestAborted) is not { } mime)
        {
            await Problems.WriteAsync(context, 413, "Mail too large", "Exchange takes messages up to 35 MB.");
            return;
        }

        DeliveredMessage delivered;
        try
        {
            delivered = delivery.Deliver(mime);
        }
        catch (FormatException error)
        {
            await Problems.WriteAsync(context, 400, "Not an e-mail", error.Message);
            return;
        }

        await Problems.WriteJsonAsync(context, 201, new JsonObject
        {
            ["id"] = delivered.Id,
            ["immutableId"] = delivered.ImmutableId,
            ["internetMessageId"] = delivered.InternetMessageId,
        });
    }

    private async Task AddFaultAsync(HttpContext context)
    {
        if (await ReadJsonAsync(context) is not { } body)
        {
            return;
        }

        int? Number(string name) => body[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
        var status = Number("status");
        var latency = Number("latencyMs") ?? 0;
        var times = Number("times") ?? 1;
        var retryAfter = Number("retryAfterSeconds");
        if (status is null && latency <= 0)
        {
            await Problems.WriteAsync(context, 400, "Invalid fault", "A fault needs a status (429, 500, 502, 503 or 504), a latencyMs, or both.");
            return;
        }

        if (status is { } given && !s_faultStatuses.Contains(given) || times < 1 || latency is < 0 or > 120_000 || retryAfter is < 0)
        {
            await Problems.WriteAsync(context, 400, "Invalid fault", "status must be 429, 500, 502, 503 or 504; times at least 1; latencyMs between 0 and 120000; retryAfterSeconds not negative.");
            return;
        }

        var fault = new QueuedFault
        {
            Status = status,
            Remaining = times,
            RetryAfterSeconds = retryAfter,
            LatencyMs = latency,
            PathContains = body["pathContains"] is JsonValue path && path.TryGetValue<string>(out var text) && text.Length > 0 ? text : null,
        };
        lock (state.Gate)
        {
            state.Faults.Queued.Add(fault);
        }

        await Problems.WriteJsonAsync(context, 201, new JsonObject
        {
            ["status"] = fault.Status,
            ["remaining"] = fault.Remaining,
            ["retryAfterSeconds"] = fault.RetryAfterSeconds,
            ["latencyMs"] = fault.LatencyMs,
            ["pathContains"] = fault.PathContains,
        });
    }

    private async Task LifecycleAsync(HttpContext context)
    {
        if (await ReadJsonAsync(context) is not { } body)
        {
            return;
        }

        var lifecycleEvent = body["lifecycleEvent"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        if (!LifecycleEvents.Known.Contains(lifecycleEvent, StringComparer.OrdinalIgnoreCase))
        {
            await Problems.WriteAsync(context, 400, "Unknown lifecycle event", $"lifecycleEvent must be one of {string.Join(", ", LifecycleEvents.Known)}.");
            return;
        }

        var subscriptionId = body["subscriptionId"] is JsonValue id && id.TryGetValue<string>(out var given) ? given : null;
        if (lifecycle.Send(lifecycleEvent, subscriptionId) is not { } sent)
        {
            await Problems.WriteAsync(context, 404, "No such subscription", $"No live subscription has the id {subscriptionId}.");
            return;
        }

        await Problems.WriteJsonAsync(context, 202, new JsonObject { ["subscriptions"] = new JsonArray([.. sent.Select(sentId => (JsonNode)JsonValue.Create(sentId))]) });
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext context)
    {
        if (await BodyReader.ReadAsync(context.Request, MaxJson, context.RequestAborted) is not { } bytes)
        {
            await Problems.WriteAsync(context, 413, "Request too large", "Control requests hold at most 64 KB of JSON.");
            return null;
        }

        try
        {
            if (JsonNode.Parse(bytes.Length == 0 ? "{}"u8 : bytes) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
            // Answered below.
        }

        await Problems.WriteAsync(context, 400, "Invalid JSON", "The body must be a JSON object.");
        return null;
    }
}
