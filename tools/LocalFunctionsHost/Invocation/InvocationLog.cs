using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Invocation;

internal static partial class InvocationLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})")]
    public static partial void Executing(ILogger logger, string functionName, string reason, string invocationId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs:0}ms)")]
    public static partial void Succeeded(ILogger logger, string functionName, string invocationId, double durationMs);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs:0}ms): {Error}")]
    public static partial void Failed(ILogger logger, string functionName, string invocationId, double durationMs, string? error);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Function '{FunctionName}' returned a value for its {BindingType} output binding '{BindingName}', which this local host does not support; the value is dropped.")]
    public static partial void UnsupportedOutput(ILogger logger, string functionName, string bindingType, string bindingName);
}
