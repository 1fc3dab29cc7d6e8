using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Auth;

// Never the user's e-mail or name: these lines may be kept or shared with a log.
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Local sign-in: session started.")]
    public static partial void SignedIn(ILogger logger);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Local sign-in: session ended.")]
    public static partial void SignedOut(ILogger logger);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Local sign-in: the requested redirect is not a path on this site; redirecting to / instead.")]
    public static partial void RedirectRefused(ILogger logger);

    [LoggerMessage(EventId = 703, Level = LogLevel.Information, Message = "Local sign-in: removed {Count} X-MS-CLIENT-PRINCIPAL* header(s) sent by the client, as App Service Authentication does.")]
    public static partial void ClientHeadersRemoved(ILogger logger, int count);
}
