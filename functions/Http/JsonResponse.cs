using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// A JSON answer written straight to the response. Needs no MVC services, so it behaves the same under the
/// Functions host and when a test executes it against a plain <see cref="DefaultHttpContext"/>.
/// </summary>
public sealed class JsonResponse(int statusCode, object body, string contentType = "application/json; charset=utf-8") : IActionResult
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public int StatusCode { get; } = statusCode;

    public object Body { get; } = body;

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

        response.Headers.CacheControl = "no-store";
        response.ContentType = contentType;
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), SerializerOptions, context.HttpContext.RequestAborted);
    }
}
