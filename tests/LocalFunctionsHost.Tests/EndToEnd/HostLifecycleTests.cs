using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LocalFunctionsHost.Testing;
using LocalFunctionsHost.Tests.Infrastructure;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>Each test starts and ends a host of its own.</summary>
public sealed partial class HostLifecycleTests
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_terminates_the_worker_and_exits_cleanly()
    {
        await using var host = await SampleHost.StartAsync(new SampleSettings().Values());
        var workerId = int.Parse(WorkerStarted().Match(host.Output).Groups["pid"].Value, CultureInfo.InvariantCulture);

        host.SendSigterm();
        var exitCode = await host.WaitForExitAsync(ExitWait);

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{host.Output}");
        Assert.Contains("Stopping: asking the worker to terminate.", host.Output, StringComparison.Ordinal);
        Assert.Contains("Host stopped.", host.Output, StringComparison.Ordinal);
        Assert.False(IsRunning(workerId), $"worker {workerId} is still running");
    }

    [Fact]
    public async Task Worker_crash_is_reported_with_its_exit_code_and_the_host_exits_non_zero()
    {
        await using var host = await SampleHost.StartAsync(new SampleSettings().Values());
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("sample/crash", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.MasterKey);

        try
        {
            using var _ = await client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            // The worker dies mid-request; the answer does not matter here.
        }

        var exitCode = await host.WaitForExitAsync(ExitWait);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("exited unexpectedly with exit code 42", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_app_folder_is_reported_and_the_host_exits_non_zero()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { TestPaths.HostAssembly, "--app", "/nonexistent/app", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Worker process (?<pid>\d+) started")]
    private static partial Regex WorkerStarted();
}
