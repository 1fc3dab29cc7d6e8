using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Listening on {Url} (gRPC for the worker on 127.0.0.1:{GrpcPort})")]
    public static partial void Listening(ILogger logger, string url, int grpcPort);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Worker: process start to StartStream {StreamMs:0} ms, to {Count} functions loaded {LoadedMs:0} ms")]
    public static partial void WorkerTimings(ILogger logger, double streamMs, int count, double loadedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Host ready in {ReadyMs:0} ms")]
    public static partial void Ready(ILogger logger, double readyMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Functions:")]
    public static partial void FunctionsHeader(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "    {FunctionName}: {Description}")]
    public static partial void Function(ILogger logger, string functionName, string description);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Function key: {FunctionKey}  (query ?code= or header x-functions-key){Note}")]
    public static partial void FunctionKey(ILogger logger, string functionKey, string note);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Master key: {MasterKey}  (authLevel admin and /admin/*)")]
    public static partial void MasterKey(ILogger logger, string masterKey);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "Function {FunctionName} failed to load: {Error}")]
    public static partial void LoadFailed(ILogger logger, string functionName, string error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Function {FunctionName} cannot be listened for: {Error}")]
    public static partial void ListenerFailed(ILogger logger, string functionName, string error);

    [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "Function {FunctionName} is disabled (AzureWebJobs.{FunctionName}.Disabled); its trigger is not started. It still runs through POST /admin/functions/{FunctionName}.")]
    public static partial void FunctionDisabled(ILogger logger, string functionName);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Function {FunctionName} has a {TriggerType} trigger, which this local host does not listen for; it runs only through POST /admin/functions/{FunctionName}.")]
    public static partial void UnsupportedTrigger(ILogger logger, string functionName, string triggerType);

    [LoggerMessage(EventId = 11, Level = LogLevel.Critical, Message = "Worker process {ProcessId} exited unexpectedly with exit code {ExitCode}; stopping the host.")]
    public static partial void WorkerCrashed(ILogger logger, int processId, int exitCode);

    [LoggerMessage(EventId = 12, Level = LogLevel.Critical, Message = "The host did not start: {Error}")]
    public static partial void StartFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Stopping: asking the worker to terminate.")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Worker process exited with code {ExitCode}. Host stopped.")]
    public static partial void Stopped(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "The trigger listener of {FunctionName} stopped after an error; the function no longer runs on its trigger.")]
    public static partial void ListenerStopped(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "The app has no functions.")]
    public static partial void NoFunctions(ILogger logger);
}
