using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// An HTML page written straight to the response with the <see cref="SecurityHeaders"/>; the page must mark
/// its inline style and script with <paramref name="nonce"/>.
/// </summary>
public sealed class HtmlResponse(int statusCode, string html, string nonce, string contentLanguage) : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public string Html { get; } = html;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        SecurityHeaders.Apply(response.Headers, nonce);
        response.Headers.ContentLanguage = contentLanguage;
        // The answer depends on these request headers; a shared cache must not hand one language to another.
        response.Headers.Vary = "Accept, Accept-Language";
        response.ContentType = "text/html; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
    }
}
