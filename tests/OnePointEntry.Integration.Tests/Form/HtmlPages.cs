using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace OnePointEntry.Integration.Tests.Form;

/// <summary>Executes a function's result against the request's real response and reads it back as text.</summary>
internal static class HtmlPages
{
    public static async Task<(int Status, IHeaderDictionary Headers, string ContentType, string Body)> ExecuteAsTextAsync(this IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, context.Response.ContentType ?? string.Empty, await reader.ReadToEndAsync());
    }
}
