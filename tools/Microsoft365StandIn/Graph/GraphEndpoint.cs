using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft365StandIn.Hosting;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Graph;

/// <summary>
/// Graph v1.0 over HTTP: everything under <c>/v1.0</c> goes to the dispatcher, and the answer is written with
/// Graph's headers (<c>request-id</c>, the client's <c>client-request-id</c> echoed, the OData content type) and
/// the request ids filled into an error's <c>innerError</c>. Request bodies over 4 MB are refused as Graph does.
/// </summary>
internal sealed class GraphEndpoint(StandInState state, GraphDispatcher dispatcher)
{
    public const string Prefix = "/v1.0";
    private const long MaxBody = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers["client-request-id"].ToString() is { Length: > 0 } given ? given : requestId;
        var body = await BodyReader.ReadAsync(context.Request, MaxBody, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, GraphResponse.Error(413, "RequestEntityTooLarge", "The request is larger than Graph's 4 MB limit."), requestId, clientRequestId);
            return;
        }

        var path = context.Request.Path.Value![Prefix.Length..];
        var call = new GraphCall(RequestCapture.Record(context.Request, path.Length == 0 ? "/" : path, body, state.Now.UtcDateTime), RequestCapture.Root(context.Request));
        var response = await dispatcher.DispatchAsync(call, context.RequestAborted);
        await WriteAsync(context, response, requestId, clientRequestId);
    }

    public async Task WriteAsync(HttpContext context, GraphResponse response, string requestId, string clientRequestId)
    {
        FillInnerError(response, requestId, clientRequestId, state.Now);
        context.Response.StatusCode = response.Status;
        context.Response.Headers["request-id"] = requestId;
        context.Response.Headers["client-request-id"] = clientRequestId;
        context.Response.Headers["x-ms-ags-diagnostic"] = "{\"ServerInfo\":{\"DataCenter\":\"Local\",\"Slice\":\"E\",\"Ring\":\"5\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"Microsoft365StandIn\"}}";
        context.Response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
        }

        if (response.Json is { } json)
        {
            await context.Response.WriteAsync(json.ToJsonString(JsonOutput.Options), context.RequestAborted);
        }
        else if (response.Bytes is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    public static void FillInnerError(GraphResponse response, string requestId, string clientRequestId, DateTimeOffset now)
    {
        if (response.Json?["error"]?["innerError"] is JsonObject innerError)
        {
            innerError["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            innerError["request-id"] = requestId;
            innerError["client-request-id"] = clientRequestId;
        }
    }
}
