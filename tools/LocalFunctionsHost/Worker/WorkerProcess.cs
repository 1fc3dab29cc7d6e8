using System.Diagnostics;
using System.Globalization;
using LocalFunctionsHost.Settings;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Worker;

/// <summary>The worker process: started like the real host starts a dotnet-isolated worker, its output relayed.</summary>
internal sealed class WorkerProcess(AppLocation app, AppSettings settings, ILogger<WorkerProcess> logger, TimeProvider timeProvider) : IDisposable
{
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    /// <summary>Completes with the exit code once the worker has exited.</summary>
    public Task<int> Exited => _exited.Task;

    public DateTimeOffset StartedAt { get; private set; }

    public int Id => _process?.Id ?? 0;

    public void Start(Uri grpcUri, string workerId)
    {
        ArgumentNullException.ThrowIfNull(grpcUri);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            app.AssemblyPath,
            "--functions-uri", grpcUri.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings.FileValues)
        {
            start.Environment[key] = value;
        }

        // What the real host sets for a dotnet-isolated worker; FUNCTIONS_APPLICATION_DIRECTORY is required for loading.
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Directory;
        start.Environment["AzureWebJobsScriptRoot"] = app.Directory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = settings.Get("AZURE_FUNCTIONS_ENVIRONMENT") ?? "Development";
        // The worker picks its own HTTP port; URLs meant for this host must not leak into it.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Relay(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Relay(e.Data, LogLevel.Warning);
        process.Exited += (_, _) => _exited.TrySetResult(SafeExitCode(process));
        StartedAt = timeProvider.GetUtcNow();
        if (!process.Start())
        {
            throw new InvalidOperationException("The worker process did not start.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WorkerLog.Started(logger, process.Id, app.AssemblyPath);
    }

    /// <summary>Waits up to <paramref name="grace"/> for the worker to exit by itself, then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _exited.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await _exited.Task.WaitAsync(grace, timeProvider);
        }
        catch (TimeoutException)
        {
            WorkerLog.Killing(logger, _process.Id, grace.TotalSeconds);
            _process.Kill(entireProcessTree: true);
            await _exited.Task;
        }
    }

    public void Dispose() => _process?.Dispose();

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private void Relay(string? line, LogLevel level)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            WorkerLog.Output(logger, level, line);
        }
    }
}
