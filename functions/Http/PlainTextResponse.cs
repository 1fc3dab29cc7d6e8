using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Http;

/// <summary>A text/plain answer, marked so no browser sniffs it into HTML (the handshake echoes caller input).</summary>
public sealed class PlainTextResponse(int statusCode, string text) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(text, context.HttpContext.RequestAborted);
    }
}
