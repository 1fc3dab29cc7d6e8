using System.Diagnostics;
using Azure;
using Azure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using OnePointEntry.Infrastructure.Email;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// Answers an HTTP function's failure with problem+json instead of an empty 500: storage, Graph or mail
/// sending that cannot be reached is a 503 the caller may retry (every step is idempotent), anything else a
/// 500 with a trace id.
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
        catch (Exception exception) when (context.GetHttpContext() is { } httpContext && !httpContext.Response.HasStarted && !httpContext.RequestAborted.IsCancellationRequested)
        {
            var unavailable = IsUnavailable(exception);
            LogFailure(logger, exception, context.FunctionDefinition.Name, unavailable);
            var problem = unavailable ? Problems.Unavailable() : Problems.Unexpected(Activity.Current?.TraceId.ToString() ?? context.InvocationId);
            if (unavailable)
            {
                problem.Headers["Retry-After"] = "5";
            }

            await problem.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        }
    }

    // Storage, Graph or the identity endpoint out of reach, throttling, the app's identity not (yet) able to
    // get a token, or Graph not finding the configured mailbox: all things a caller's retry may get past once
    // operations have looked, and none a fault in the caller's request.
    internal static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        ApiException graph => graph.ResponseStatusCode is 0 or 401 or 403 or 404 or 408 or 429 or >= 500,
        AuthenticationFailedException or CredentialUnavailableException or MailSendFailedException => true,
        HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed; answered {Unavailable} (true: 503, false: 500)")]
    private static partial void LogFailure(ILogger logger, Exception exception, string functionName, bool unavailable);
}
