using System.Text.Json;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Hosting;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Settings;
using LocalFunctionsHost.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Http;

/// <summary>
/// The part of the real host's admin API that local work needs, behind the master key:
/// <c>POST /admin/functions/{name}</c> runs a non-HTTP function now (202 Accepted),
/// <c>GET /admin/functions</c> lists the functions, <c>GET /admin/host/status</c> reports the state.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/functions/{name}", InvokeAsync);
        endpoints.MapGet("/admin/functions", List);
        endpoints.MapGet("/admin/host/status", (HttpContext context, FunctionKeys keys) =>
            keys.Authorize(context.Request, "admin")
                ? Results.Json(new { state = "Running" })
                : Results.Unauthorized());
    }

    private static IResult List(HttpContext context, FunctionKeys keys, FunctionCatalog catalog, HostJsonSettings hostJson)
    {
        if (!keys.Authorize(context.Request, "admin"))
        {
            return Results.Unauthorized();
        }

        return Results.Json(catalog.Functions.Select(f => new
        {
            name = f.Name,
            trigger = f.Trigger?.Type,
            route = f.IsHttp ? "/" + FunctionEndpointDataSource.RouteTemplate(f, hostJson.RoutePrefix) : null,
            methods = f.IsHttp ? FunctionEndpointDataSource.Methods(f) : null,
        }));
    }

    private static async Task<IResult> InvokeAsync(
        string name,
        HttpContext context,
        FunctionKeys keys,
        FunctionCatalog catalog,
        TriggerListeners listeners,
        FunctionInvoker invoker,
        ILoggerFactory loggerFactory,
        IHostApplicationLifetime lifetime)
    {
        if (!keys.Authorize(context.Request, "admin"))
        {
            return Results.Unauthorized();
        }

        var function = catalog.Find(name);
        if (function is null)
        {
            return Results.NotFound();
        }

        if (function.IsHttp)
        {
            return Results.BadRequest(new { error = $"{function.Name} is HTTP-triggered; call its URL instead." });
        }

        var input = await ReadInputAsync(context.Request, context.RequestAborted);
        var logger = loggerFactory.CreateLogger(typeof(AdminEndpoints));
        // Like the real host, answer at once and run the function in the background.
        _ = Task.Run(() => RunAsync(function, input, listeners, invoker, logger, lifetime.ApplicationStopping), CancellationToken.None);
        return Results.Accepted();
    }

    private static async Task<string> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return string.Empty;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.TryGetProperty("input", out var input)
                ? input.ValueKind == JsonValueKind.String ? input.GetString() ?? string.Empty : input.GetRawText()
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static async Task RunAsync(
        FunctionDefinition function, string input, TriggerListeners listeners, FunctionInvoker invoker, ILogger logger, CancellationToken cancellationToken)
    {
        if (listeners.Queues.TryGetValue(function.Name, out var queue))
        {
            await queue.InvokeManuallyAsync(input, cancellationToken);
        }
        else if (listeners.Timers.TryGetValue(function.Name, out var timer))
        {
            await timer.InvokeManuallyAsync(cancellationToken);
        }
        else
        {
            // A trigger this host does not listen for: the worker gets the input as a string.
            var context = new InvocationContext
            {
                Reason = "This function was programmatically called via the host APIs.",
                TriggerInput = new TypedData { String = input },
            };
            HttpLog.AdminInvoke(logger, function.Name, context.InvocationId);
            await invoker.InvokeAsync(function, context, cancellationToken);
        }
    }
}
