using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft365StandIn.Hosting;

/// <summary>
/// Logs each request's method, path and status, never a body or the query (which can hold a webhook's signature
/// or a token). Addresses in paths (<c>/users/someone@…</c>) are logged as <c>{address}</c>: no personal data in logs.
/// </summary>
internal sealed partial class RequestLogging(ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var path = Redact(context.Request.Path.Value ?? "/");
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode);
            }
        }
    }

    public static string Redact(string path) => Address().Replace(path, "{address}");

    [GeneratedRegex(@"[^/()']+@[^/()']+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status);
}
