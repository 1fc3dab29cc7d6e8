using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OnePointEntry.Health;

namespace OnePointEntry.Domain.Tests.Health;

public sealed class HealthMonitorTests
{
    [Fact]
    public async Task A_check_that_hangs_is_unhealthy_after_the_timeout_while_the_others_run_beside_it()
    {
        var monitor = new HealthMonitor([new Probe("hangs", _ => Task.Delay(Timeout.Infinite, _).ContinueWith(_ => new ProbeResult(HealthState.Healthy, "never"), TaskScheduler.Default)), new Probe("fine", _ => Task.FromResult(new ProbeResult(HealthState.Healthy, "ok")))], TimeProvider.System, NullLogger<HealthMonitor>.Instance);
        var stopwatch = Stopwatch.StartNew();

        var report = await monitor.CheckAllAsync(CancellationToken.None);

        Assert.True(stopwatch.Elapsed < HealthMonitor.CheckTimeout + TimeSpan.FromSeconds(2));
        Assert.Equal(HealthState.Unhealthy, report.State);
        Assert.Equal([HealthState.Unhealthy, HealthState.Healthy], report.Checks.Select(check => check.State));
    }

    [Fact]
    public async Task A_check_that_throws_reports_the_exception_type_only_and_essential_checks_are_run_alone()
    {
        var monitor = new HealthMonitor(
            [
                new Probe("throws", _ => throw new InvalidOperationException("https://secret.example/?sig=key")),
                new Probe("essential", _ => Task.FromResult(new ProbeResult(HealthState.Healthy, "ok")), essential: true),
            ],
            TimeProvider.System,
            NullLogger<HealthMonitor>.Instance);

        var all = await monitor.CheckAllAsync(CancellationToken.None);
        var essential = await monitor.CheckEssentialAsync(CancellationToken.None);

        Assert.Equal("Failed: InvalidOperationException.", all.Checks[0].Description);
        Assert.Equal(HealthState.Unhealthy, all.State);
        Assert.Equal((HealthState.Healthy, 1), (essential.State, essential.Checks.Count));
        Assert.Equal(HealthState.Healthy, HealthReport.Worst([]));
    }

    private sealed class Probe(string name, Func<CancellationToken, Task<ProbeResult>> check, bool essential = false) : IHealthProbe
    {
        public string Name => name;

        public bool Essential => essential;

        public Task<ProbeResult> CheckAsync(CancellationToken cancellationToken) => check(cancellationToken);
    }
}
