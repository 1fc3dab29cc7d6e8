using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Worker process {ProcessId} started: dotnet {Assembly}")]
    public static partial void Started(ILogger logger, int processId, string assembly);

    [LoggerMessage(EventId = 201, Message = "[worker] {Line}")]
    public static partial void Output(ILogger logger, LogLevel level, string line);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Worker process {ProcessId} did not exit within {Seconds} s; killing it.")]
    public static partial void Killing(ILogger logger, int processId, double seconds);
}
