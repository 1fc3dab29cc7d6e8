using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// Answers an HTTP function's failure with problem+json instead of an empty 500: a dependency that cannot be
/// reached (storage, Graph, the identity endpoint, mail sending) is a 503 naming it, which the caller may retry
/// (every step is idempotent); a request the server could not read is a 400 or 413; only a bug is a 500, with a
/// trace id and nothing of its internals.
/// Only the exception's type is logged beside the trace, never request content.
/// </summary>
public sealed partial class HttpFailureMiddleware(ILogger<HttpFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (context.GetHttpContext() is { } httpContext && !httpContext.Response.HasStarted && !httpContext.RequestAborted.IsCancellationRequested)
        {
            // The request itself was broken (a body larger than the server takes, a truncated chunked body): the caller's fault, said as such.
            LogBadRequest(logger, context.FunctionDefinition.Name, exception.StatusCode);
            var problem = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.BodyTooLarge(null)
                : Problems.MalformedBody("The request could not be read.");
            await problem.ExecuteResultAsync(ActionContextOf(httpContext));
        }
        catch (Exception exception) when (context.GetHttpContext() is { } httpContext && !httpContext.Response.HasStarted && !httpContext.RequestAborted.IsCancellationRequested)
        {
            var dependency = DependencyFailures.Classify(exception);
            LogFailure(logger, exception, context.FunctionDefinition.Name, dependency?.ToString() ?? "none: a bug");
            var problem = dependency is { } failed ? Problems.Unavailable(failed) : Problems.Unexpected(Activity.Current?.TraceId.ToString() ?? context.InvocationId);
            if (dependency is not null)
            {
                problem.Headers["Retry-After"] = "5";
            }

            await problem.ExecuteResultAsync(ActionContextOf(httpContext));
        }
    }

    /// <summary>Whether a retry may get past the failure (503) rather than it being a bug (500).</summary>
    internal static bool IsUnavailable(Exception exception) => DependencyFailures.Classify(exception) is not null;

    private static ActionContext ActionContextOf(HttpContext httpContext) =>
        new(httpContext, httpContext.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} got a request it could not read (HTTP {StatusCode})")]
    private static partial void LogBadRequest(ILogger logger, string functionName, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed; the dependency that failed: {Dependency} (a dependency: 503, none: 500)")]
    private static partial void LogFailure(ILogger logger, Exception exception, string functionName, string dependency);
}
