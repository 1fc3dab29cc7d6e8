using System.Globalization;
using System.Text.Json;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Timers;

/// <summary>
/// Runs a timer-triggered function on its schedule, one run at a time, and once at start when
/// <c>runOnStartup</c> is set. Schedule status is not persisted, so runs are never past due.
/// </summary>
internal sealed class TimerListener(FunctionDefinition function, CronSchedule schedule, bool runOnStartup, FunctionInvoker invoker, TimeProvider timeProvider, ILogger<TimerListener> logger)
{
    // Task.Delay cannot wait longer than about 49 days; long waits are taken in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private DateTimeOffset? _last;

    public CronSchedule Schedule => schedule;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogNextOccurrences();
        try
        {
            if (runOnStartup)
            {
                await InvokeAsync("Timer fired at startup (runOnStartup)", cancellationToken);
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                var next = schedule.GetNextOccurrence(timeProvider.GetUtcNow());
                if (next is null)
                {
                    return;
                }

                var wait = next.Value - timeProvider.GetUtcNow();
                while (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, timeProvider, cancellationToken);
                    wait = next.Value - timeProvider.GetUtcNow();
                }

                await InvokeAsync(string.Create(CultureInfo.InvariantCulture, $"Timer fired at {next.Value:O}"), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    public Task<InvocationOutcome> InvokeManuallyAsync(CancellationToken cancellationToken) =>
        InvokeAsync("This function was programmatically called via the host APIs.", cancellationToken);

    private async Task<InvocationOutcome> InvokeAsync(string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var timerInfo = new Dictionary<string, object?>
        {
            ["Schedule"] = new Dictionary<string, object> { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new Dictionary<string, object?>
            {
                ["Last"] = _last ?? DateTimeOffset.MinValue,
                ["Next"] = schedule.GetNextOccurrence(now),
                ["LastUpdated"] = now,
            },
            ["IsPastDue"] = false,
        };
        _last = now;
        var context = new InvocationContext
        {
            Reason = reason,
            TriggerInput = new TypedData { Json = JsonSerializer.Serialize(timerInfo) },
        };
        return await invoker.InvokeAsync(function, context, cancellationToken);
    }

    private void LogNextOccurrences()
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var occurrences = new List<string>();
        var from = timeProvider.GetUtcNow();
        for (var i = 0; i < 3 && schedule.GetNextOccurrence(from) is { } next; i++)
        {
            occurrences.Add(TimeZoneInfo.ConvertTime(next, schedule.TimeZone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
            from = next;
        }

        var list = string.Join(", ", occurrences);
        TimerLog.Scheduled(logger, function.Name, schedule.Text, schedule.TimeZone.Id, list);
    }
}
