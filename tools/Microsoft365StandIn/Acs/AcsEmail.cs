using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft365StandIn.Hosting;
using Microsoft365StandIn.State;
using Microsoft365StandIn.Tokens;

namespace Microsoft365StandIn.Acs;

/// <summary>
/// Azure Communication Services Email's data plane: <c>POST /emails:send?api-version=…</c> (bearer token; the
/// message as ACS documents it) answers 202 with <c>Operation-Location</c> and <c>operation-id</c>; a repeated
/// <c>Operation-Id</c> is the same operation, sent once. <c>GET /emails/operations/{id}?api-version=…</c> walks
/// through the statuses scripted for the operation (Running, then Succeeded by default; the last repeats).
/// </summary>
internal sealed class AcsEmail(StandInState state, TokenIssuer tokens, bool requireToken)
{
    private const string Operations = "/emails/operations/";
    private const long MaxBody = 10 * 1024 * 1024;

    public static bool Matches(string path) =>
        path.Equals("/emails:send", StringComparison.OrdinalIgnoreCase) || path.StartsWith(Operations, StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext context)
    {
        var body = await BodyReader.ReadAsync(context.Request, MaxBody, context.RequestAborted);
        var path = context.Request.Path.Value!;
        Faults.FaultOutcome? fault = null;
        RecordedRequest recorded;
        var check = TokenCheck.Valid;
        lock (state.Gate)
        {
            recorded = RequestCapture.Record(context.Request, path, body ?? [], state.Now.UtcDateTime);
            state.Record(state.AcsRequests, recorded);
            if (requireToken)
            {
                check = tokens.Check(recorded.Header("Authorization"), TokenAudience.CommunicationServices);
            }

            if (check == TokenCheck.Valid)
            {
                fault = state.Faults.Take(context.Request.Method, path, graphPath: null);
            }
        }

        if (check != TokenCheck.Valid)
        {
            await ErrorAsync(context, 401, "Unauthorized", check == TokenCheck.Missing ? "Denied by the resource provider: no access token." : "Denied by the resource provider: the access token is not valid.");
            return;
        }

        if (fault is { Latency: var latency } && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        if (fault?.Status is { } failure)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.Zero).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ErrorAsync(context, failure, failure == 429 ? "TooManyRequests" : "ServiceUnavailable", "Injected by the stand-in's fault queue.");
            return;
        }

        if (!recorded.Query.TryGetValue("api-version", out var version) || string.IsNullOrEmpty(version))
        {
            await ErrorAsync(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
            return;
        }

        if (body is null)
        {
            await ErrorAsync(context, 413, "RequestEntityTooLarge", "The request is larger than 10 MB.");
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && path.Equals("/emails:send", StringComparison.OrdinalIgnoreCase))
        {
            await SendAsync(context, recorded, version.ToString());
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith(Operations, StringComparison.OrdinalIgnoreCase))
        {
            await PollAsync(context, path[Operations.Length..]);
        }
        else
        {
            await ErrorAsync(context, 404, "NotFound", "No such resource.");
        }
    }

    private async Task SendAsync(HttpContext context, RecordedRequest request, string version)
    {
        JsonObject? message;
        try
        {
            message = request.Json as JsonObject;
        }
        catch (JsonException)
        {
            message = null;
        }

        var problem = Problem(message);
        AcsOperation operation;
        lock (state.Gate)
        {
            var (failStatus, failCode, remaining) = state.Faults.AcsSends;
            if (remaining > 0)
            {
                state.Faults.AcsSends = (failStatus, failCode, remaining - 1);
                problem = (failStatus, failCode, "Injected by the test.");
            }

            if (problem is null)
            {
                var operationId = request.Header("Operation-Id") is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
                operation = state.Data.AcsOperations.FirstOrDefault(existing => existing.OperationId == operationId) ?? Create(operationId, message!);
            }
            else
            {
                operation = null!;
            }
        }

        if (problem is { } refused)
        {
            context.Response.Headers.RetryAfter = "0";
            await ErrorAsync(context, refused.Status, refused.Code, refused.Message);
            return;
        }

        var root = RequestCapture.Root(context.Request);
        context.Response.Headers["Operation-Location"] = $"{root}{Operations}{operation.OperationId}?api-version={Uri.EscapeDataString(version)}";
        context.Response.Headers["operation-id"] = operation.OperationId;
        AddRetryAfter(context);
        await Problems.WriteJsonAsync(context, 202, new JsonObject { ["id"] = operation.OperationId, ["status"] = "Running" });
    }

    private AcsOperation Create(string operationId, JsonObject message)
    {
        var content = message["content"];
        var inline = new List<InlineImage>();
        foreach (var attachment in message["attachments"] as JsonArray ?? [])
        {
            if (Graph.GraphJson.String(attachment?["contentId"]) is { } contentId)
            {
                inline.Add(new InlineImage(contentId, Graph.GraphJson.String(attachment?["contentType"]) ?? "application/octet-stream", Graph.GraphJson.String(attachment?["contentInBase64"]) ?? ""));
            }
        }

        var operation = new AcsOperation
        {
            OperationId = operationId,
            Status = "Running",
            PendingStatuses = [.. state.AcsStatuses],
            SenderAddress = Graph.GraphJson.String(message["senderAddress"]) ?? "",
            To = [.. (message["recipients"]?["to"] as JsonArray ?? []).Select(to => Graph.GraphJson.String(to?["address"]) ?? "")],
            Subject = Graph.GraphJson.String(content?["subject"]) ?? "",
            Html = Graph.GraphJson.String(content?["html"]),
            PlainText = Graph.GraphJson.String(content?["plainText"]),
            InlineImages = inline,
            ReceivedAt = state.Now,
        };
        state.Data.AcsOperations.Add(operation);
        state.MarkChanged();
        return operation;
    }

    private static (int Status, string Code, string Message)? Problem(JsonObject? message)
    {
        if (message is null)
        {
            return (400, "InvalidRequestBody", "The request body must be an email message in JSON.");
        }

        if (Graph.GraphJson.String(message["senderAddress"]) is not { Length: > 0 })
        {
            return (400, "InvalidSenderAddress", "senderAddress is required.");
        }

        var content = message["content"];
        if (Graph.GraphJson.String(content?["subject"]) is null)
        {
            return (400, "InvalidContent", "content.subject is required.");
        }

        if (Graph.GraphJson.String(content?["plainText"]) is null && Graph.GraphJson.String(content?["html"]) is null)
        {
            return (400, "InvalidContent", "content needs plainText, html or both.");
        }

        return message["recipients"]?["to"] is JsonArray { Count: > 0 } to && to.All(address => Graph.GraphJson.String(address?["address"])?.Contains('@', StringComparison.Ordinal) == true)
            ? null
            : (400, "InvalidRecipients", "recipients.to needs at least one recipient with an address.");
    }

    private async Task PollAsync(HttpContext context, string operationId)
    {
        string status;
        string failureCode;
        lock (state.Gate)
        {
            if (state.Data.AcsOperations.FirstOrDefault(existing => existing.OperationId == operationId) is not { } operation)
            {
                status = "";
                failureCode = "";
            }
            else
            {
                if (operation.PendingStatuses.Count > 0)
                {
                    operation.Status = operation.PendingStatuses[0];
                    if (operation.PendingStatuses.Count > 1)
                    {
                        operation.PendingStatuses.RemoveAt(0);
                    }

                    state.MarkChanged();
                }

                status = operation.Status;
                failureCode = state.AcsFailureCode;
            }
        }

        if (status.Length == 0)
        {
            await ErrorAsync(context, 404, "NotFound", "No such operation.");
            return;
        }

        var body = new JsonObject { ["id"] = operationId, ["status"] = status };
        if (status == "Failed")
        {
            body["error"] = new JsonObject { ["code"] = failureCode, ["message"] = "Email was not sent: all recipients are suppressed." };
        }

        if (status is "NotStarted" or "Running")
        {
            AddRetryAfter(context);
        }

        await Problems.WriteJsonAsync(context, 200, body);
    }

    private void AddRetryAfter(HttpContext context)
    {
        int? seconds;
        lock (state.Gate)
        {
            seconds = state.AcsRetryAfterSeconds;
        }

        if (seconds is { } value)
        {
            context.Response.Headers["retry-after"] = value.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.Headers["x-ms-error-code"] = code;
        return Problems.WriteJsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }
}
