using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Integration.Tests;

/// <summary>Real ASP.NET Core request and response objects for calling HTTP functions directly.</summary>
internal static class HttpRequests
{
    public static HttpRequest Json(object body, string? idempotencyKey = null) =>
        Raw(JsonSerializer.Serialize(body), "application/json", idempotencyKey);

    public static HttpRequest Form(IEnumerable<KeyValuePair<string, string>> fields, string? idempotencyKey = null) =>
        Raw(string.Join('&', fields.Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}")), "application/x-www-form-urlencoded", idempotencyKey);

    public static HttpRequest Raw(string body, string? contentType, string? idempotencyKey = null, bool sendLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7071);
        context.Request.Path = "/api/enquiries";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(bytes);
        if (sendLength)
        {
            context.Request.ContentLength = bytes.Length;
        }

        if (idempotencyKey is not null)
        {
            context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public static HttpRequest Get(string path, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>The principal header App Service Authentication adds for a signed-in member of staff.</summary>
    public static HttpRequest SignedInAs(this HttpRequest request, string name, params StaffRole[] roles)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = name }, new { typ = "name", val = name } };
        claims.AddRange(roles.Select(role => new { typ = "roles", val = role.ToString() }));
        var principal = new { auth_typ = "aad", name_typ = "preferred_username", role_typ = "roles", claims };
        request.Headers[StaffSignIn.PrincipalHeader] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(principal));
        return request;
    }

    /// <summary>Executes a function's result against the request's real response and reads it back.</summary>
    public static async Task<(int Status, IHeaderDictionary Headers, string ContentType, JsonElement Body)> ExecuteAsync(this IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, context.Response.ContentType ?? string.Empty, document.RootElement.Clone());
    }
}
