using System.Text.Json;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Worker;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Http;

/// <summary>
/// Serves a request for an HTTP-triggered function: checks the key for its auth level, sends the
/// InvocationRequest (the request as RpcHttp, route values as trigger metadata) and at the same
/// time forwards the request itself to the worker, whose response is returned unchanged.
/// </summary>
internal sealed class HttpTriggerHandler(
    FunctionInvoker invoker,
    WorkerHttpForwarder forwarder,
    WorkerCapabilities capabilities,
    FunctionKeys keys,
    ILogger<HttpTriggerHandler> logger)
{
    // After a failed invocation, how long the worker's own HTTP answer (normally a 500) is awaited.
    private static readonly TimeSpan ResponseGraceAfterFailure = TimeSpan.FromSeconds(5);

    public RequestDelegate For(FunctionDefinition function) => context => HandleAsync(context, function);

    private async Task HandleAsync(HttpContext context, FunctionDefinition function)
    {
        if (!keys.Authorize(context.Request, function.Trigger?.GetString("authLevel")))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (capabilities.HttpUri is not { } workerUri)
        {
            HttpLog.NoHttpUri(logger, function.Name);
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        var invocation = CreateContext(context, function);
        var aborted = context.RequestAborted;
        var invocationTask = invoker.InvokeAsync(function, invocation, aborted);
        using var forwardCancel = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var forwardTask = forwarder.ForwardAsync(context, workerUri, invocation.InvocationId, forwardCancel.Token);

        var first = await Task.WhenAny(forwardTask, invocationTask);
        if (first == invocationTask && !(await invocationTask).Succeeded)
        {
            // Normally the worker still answers (500); if not, do not leave the client hanging.
            await Task.WhenAny(forwardTask, Task.Delay(ResponseGraceAfterFailure, aborted));
            if (!forwardTask.IsCompleted)
            {
                await forwardCancel.CancelAsync();
            }
        }

        try
        {
            await forwardTask;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            if (!aborted.IsCancellationRequested)
            {
                HttpLog.ForwardFailed(logger, ex, function.Name, invocation.InvocationId);
            }

            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }

        // Output bindings are written before the response completes.
        var outcome = await invocationTask;
        if (!outcome.Succeeded && !context.Response.HasStarted)
        {
            // The worker answers an unhandled exception with an empty 200; the real host turns a
            // failed invocation that wrote nothing into a 500.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private static InvocationContext CreateContext(HttpContext context, FunctionDefinition function)
    {
        var request = context.Request;
        var http = new RpcHttp
        {
            Method = request.Method,
            Url = request.GetDisplayUrl(),
        };
        foreach (var (name, values) in request.Headers)
        {
            http.Headers[name.ToLowerInvariant()] = values.ToString();
        }

        foreach (var (name, values) in request.Query)
        {
            http.Query[name] = values.ToString();
        }

        var invocation = new InvocationContext
        {
            Reason = "This function was programmatically called via the host APIs.",
            TriggerInput = new TypedData { Http = http },
            TraceParent = request.Headers["traceparent"].FirstOrDefault(),
            TraceState = request.Headers["tracestate"].FirstOrDefault(),
        };
        foreach (var (name, value) in request.RouteValues)
        {
            if (value?.ToString() is { } text)
            {
                http.Params[name] = text;
                invocation.TriggerMetadata[name] = new TypedData { String = text };
            }
        }

        invocation.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(http.Query) };
        invocation.TriggerMetadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(http.Headers) };
        return invocation;
    }
}
