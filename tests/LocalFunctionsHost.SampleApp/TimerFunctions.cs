using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.SampleApp;

/// <summary>A timer function that leaves a trace of each run in a queue.</summary>
public sealed class TimerFunctions
{
    [Function(nameof(Tick))]
    [QueueOutput("%SampleTimerQueue%")]
    public static string Tick([TimerTrigger("%SampleTimerSchedule%")] TimerInfo timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return $"tick pastDue={timer.IsPastDue} next={timer.ScheduleStatus?.Next:O}";
    }
}
