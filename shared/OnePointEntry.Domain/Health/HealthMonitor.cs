using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OnePointEntry.Health;

/// <summary>
/// Runs the health checks in parallel, each bounded by <see cref="CheckTimeout"/>, so a dependency that hangs
/// makes the answer unhealthy in seconds instead of holding the caller (a load balancer, a monitor) until its
/// own timeout. A check that throws is unhealthy; only the exception's type is reported, never its message,
/// which may carry addresses or keys.
/// </summary>
public sealed partial class HealthMonitor(IEnumerable<IHealthProbe> probes, TimeProvider time, ILogger<HealthMonitor> logger)
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Every check: for operators.</summary>
    public Task<HealthReport> CheckAllAsync(CancellationToken cancellationToken) => RunAsync(probes, cancellationToken);

    /// <summary>Only the essential checks (storage): cheap enough for an anonymous liveness probe.</summary>
    public Task<HealthReport> CheckEssentialAsync(CancellationToken cancellationToken) => RunAsync(probes.Where(probe => probe.Essential), cancellationToken);

    private async Task<HealthReport> RunAsync(IEnumerable<IHealthProbe> selected, CancellationToken cancellationToken)
    {
        var entries = await Task.WhenAll(selected.Select(probe => CheckAsync(probe, cancellationToken)));
        var report = new HealthReport(HealthReport.Worst(entries.Select(entry => entry.State)), time.GetUtcNow(), entries);
        if (report.State == HealthState.Unhealthy)
        {
            LogUnhealthy(logger, string.Join(", ", entries.Where(entry => entry.State == HealthState.Unhealthy).Select(entry => entry.Name)));
        }

        return report;
    }

    private static async Task<HealthCheckEntry> CheckAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        ProbeResult result;
        try
        {
            // Yield first, so a probe that blocks before its first await still runs beside the others.
            await Task.Yield();
            result = await probe.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = new ProbeResult(HealthState.Unhealthy, $"No answer within {CheckTimeout.TotalSeconds:0} seconds.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            result = new ProbeResult(HealthState.Unhealthy, $"Failed: {exception.GetType().Name}.");
        }

        return new HealthCheckEntry(probe.Name, result.State, result.Description, Stopwatch.GetElapsedTime(started), result.Data);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: unhealthy ({Checks})")]
    private static partial void LogUnhealthy(ILogger logger, string checks);
}
