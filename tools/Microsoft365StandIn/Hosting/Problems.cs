using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Microsoft365StandIn.Hosting;

/// <summary>RFC 9457 problem details for the stand-in's own control routes.</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status, ["detail"] = detail };
        await context.Response.WriteAsync(body.ToJsonString(JsonOutput.Options), context.RequestAborted);
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body.ToJsonString(JsonOutput.Options), context.RequestAborted);
    }
}
