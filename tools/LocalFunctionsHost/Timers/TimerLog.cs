using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Timers;

internal static partial class TimerLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "The next 3 occurrences of '{FunctionName}' ({Schedule}, {TimeZone}): {Occurrences}")]
    public static partial void Scheduled(ILogger logger, string functionName, string schedule, string timeZone, string occurrences);
}
