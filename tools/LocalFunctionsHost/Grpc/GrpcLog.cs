using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Grpc;

internal static partial class GrpcLog
{
    [LoggerMessage(EventId = 100, Message = "[{Category}] {Message}{Exception}")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string message, string exception);

    [LoggerMessage(EventId = 101, Message = "[{FunctionName} {InvocationId}] {Message}{Exception}")]
    public static partial void FunctionLog(ILogger logger, LogLevel level, string functionName, string invocationId, string message, string exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Ignoring a {Kind} message from the worker.")]
    public static partial void UnhandledMessage(ILogger logger, Messages.StreamingMessage.ContentOneofCase kind);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "The worker's event stream closed.")]
    public static partial void StreamClosed(ILogger logger);
}
