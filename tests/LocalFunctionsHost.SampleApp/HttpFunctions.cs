using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.SampleApp;

/// <summary>HTTP functions that show what the host passes and returns.</summary>
public sealed class HttpFunctions
{
    [Function(nameof(Hello))]
    public static IActionResult Hello([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hello")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult($"Hello, {request.Query["name"].FirstOrDefault() ?? "world"}");
    }

    /// <summary>Function key, a constrained route parameter, and the route value bound by name.</summary>
    [Function(nameof(GetItem))]
    public static IActionResult GetItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id:int}")] HttpRequest request,
        int id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JsonResult(new { id, path = request.Path.Value });
    }

    /// <summary>Echoes the request with its own status, headers and content type, to show the response is passed through unchanged.</summary>
    [Function(nameof(Echo))]
    public static async Task Echo([HttpTrigger(AuthorizationLevel.Anonymous, "post", "put", Route = "echo")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var response = request.HttpContext.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.Headers["X-Sample"] = "sample-value";
        response.Headers["X-Echo-Method"] = request.Method;
        response.Headers["X-Echo-Header"] = request.Headers["X-Test"].ToString();
        response.Headers["X-Echo-Query"] = request.QueryString.Value ?? string.Empty;
        response.Headers["X-Echo-Length"] = body.Length.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/x-sample; charset=utf-8";
        await response.WriteAsync(body);
    }

    /// <summary>
    /// Shows what App Service Authentication (or the host playing it) hands the app: WEBSITE_AUTH_ENABLED,
    /// and the X-MS-CLIENT-PRINCIPAL* headers both of the forwarded request and of the trigger's Headers metadata.
    /// </summary>
    [Function(nameof(Principal))]
    public static IActionResult Principal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "principal")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var requestHeaders = request.Headers
            .Where(h => h.Key.StartsWith("X-MS-CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToUpperInvariant(), h => h.Value.ToString());
        var metadataHeaders = new Dictionary<string, string>();
        if (context.BindingContext.BindingData.TryGetValue("Headers", out var headers) && headers is not null)
        {
            var json = headers as string ?? JsonSerializer.Serialize(headers);
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            {
                if (name.StartsWith("X-MS-CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase))
                {
                    metadataHeaders[name.ToUpperInvariant()] = value;
                }
            }
        }

        return new JsonResult(new
        {
            authEnabled = Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"),
            requestHeaders,
            metadataHeaders,
        });
    }

    /// <summary>Throws, to show what a failed HTTP invocation answers.</summary>
    [Function(nameof(Fail))]
    public static IActionResult Fail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest request) =>
        throw new InvalidOperationException("Fail always fails.");

    /// <summary>Ends the worker process, to show that the host reports a crash.</summary>
    [Function(nameof(Crash))]
    public static IActionResult Crash([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "crash")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Environment.Exit(42);
        return new OkResult();
    }
}
