using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// A finished body of a given type (JSON text, an HTML page, a PNG), written as it is, with the headers of
/// <see cref="SecurityHeaders"/>: never sniffed into anything else, never cached, framed by nobody.
/// </summary>
/// <param name="contentSecurityPolicy">For HTML: what the page may load (a nonce's or a stylesheet hash's policy).</param>
public sealed class ContentResponse(int statusCode, string contentType, ReadOnlyMemory<byte> content, string? contentSecurityPolicy = null) : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public string ContentType { get; } = contentType;

    public ReadOnlyMemory<byte> Content { get; } = content;

    /// <summary>Further headers, e.g. <c>Location</c> or a page's <c>Content-Language</c>.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        SecurityHeaders.ApplyPolicy(response.Headers, contentSecurityPolicy);
        await response.Body.WriteAsync(Content, context.HttpContext.RequestAborted);
    }
}
