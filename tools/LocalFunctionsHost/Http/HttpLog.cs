using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Http;

internal static partial class HttpLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "Forwarding the request for {FunctionName} (Id={InvocationId}) to the worker failed.")]
    public static partial void ForwardFailed(ILogger logger, Exception exception, string functionName, string invocationId);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "{FunctionName} is HTTP-triggered, but the worker announced no HttpUri: this host serves HTTP functions only through the ASP.NET Core integration (ConfigureFunctionsWebApplication).")]
    public static partial void NoHttpUri(ILogger logger, string functionName);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Admin API: running {FunctionName} (Id={InvocationId}).")]
    public static partial void AdminInvoke(ILogger logger, string functionName, string invocationId);
}
