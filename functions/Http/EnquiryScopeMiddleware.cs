using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// Puts every function invocation whose route names an enquiry (<c>{reference}</c>) in that enquiry's logging
/// scope, so everything logged while it runs, a failure included, carries the reference. Queue steps open the
/// scope themselves once they have read their message.
/// </summary>
public sealed class EnquiryScopeMiddleware(ILogger<EnquiryScopeMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.BindingContext.BindingData.TryGetValue("reference", out var value)
            && EnquiryReference.TryParse(value as string, out var reference))
        {
            using var scope = EnquiryLogScope.Begin(logger, reference);
            await next(context);
        }
        else
        {
            await next(context);
        }
    }
}
