using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OnePointEntry.Bench.Faults;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// The app (Release) under the local Functions host, as a process of its own. Its output is read line by line as it
/// comes (and written whole to a file): which function each invocation ran, when each enquiry was screened, routed
/// or, for a mail, stored, and which process is the worker. Nothing is kept but these facts, so a long run's output
/// costs no memory.
/// </summary>
internal sealed partial class AppHost : IAsyncDisposable
{
    public const string FunctionKey = "pipeline-bench-function-key";
    public const string MasterKey = "pipeline-bench-master-key";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _settingsFile;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _logGate = new();

    private AppHost(Process process, StreamWriter log, string settingsFile)
    {
        _process = process;
        _log = log;
        _settingsFile = settingsFile;
    }

    public int ProcessId => _process.Id;

    public int? WorkerProcessId { get; private set; }

    public string LogPath { get; private init; } = string.Empty;

    /// <summary>Invocation id (as 32 hex digits, the trace id the host gives it) to function name.</summary>
    public ConcurrentDictionary<string, string> Invocations { get; } = new(StringComparer.Ordinal);

    /// <summary>Reference to when and with what status screening finished.</summary>
    public ConcurrentDictionary<string, (DateTimeOffset At, string Status)> Screened { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DateTimeOffset> Routed { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries finished (delivered, or given up for good) as "{reference} {kind}", when the app said so.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> DeliveriesDone { get; } = new(StringComparer.Ordinal);

    /// <summary>Mails stored, by reference, when the app said so.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> MailsStored { get; } = new(StringComparer.Ordinal);

    public static async Task<AppHost> StartAsync(IReadOnlyDictionary<string, string> settings, int port, string logPath)
    {
        var settingsFile = Path.Combine(Path.GetTempPath(), $"pipeline-bench-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new { IsEncrypted = false, Values = settings }));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            BenchPaths.HostAssembly, "--app", BenchPaths.AppDirectory, "--settings", settingsFile,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--function-key", FunctionKey, "--master-key", MasterKey,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new AppHost(process, new StreamWriter(logPath, append: false), settingsFile) { LogPath = logPath };
        process.OutputDataReceived += (_, e) => host.Read(e.Data);
        process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException($"The local host exited before it was ready; see {logPath}."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host._ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        lock (_logGate)
        {
            _log.Dispose();
        }

        File.Delete(_settingsFile);
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        lock (_logGate)
        {
            _log.WriteLine(line);
        }

        if (Executing().Match(line) is { Success: true } executing && Guid.TryParse(executing.Groups["id"].Value, out var id))
        {
            Invocations[id.ToString("N")] = executing.Groups["function"].Value;
        }
        else if (ScreenedLine().Match(line) is { Success: true } screened)
        {
            Screened.TryAdd(screened.Groups["reference"].Value, (now, screened.Groups["status"].Value));
        }
        else if (RoutedLine().Match(line) is { Success: true } routed)
        {
            Routed.TryAdd(routed.Groups["reference"].Value, now);
        }
        else if (DeliveryDoneLine().Match(line) is { Success: true } done)
        {
            DeliveriesDone.TryAdd($"{done.Groups["reference"].Value} {done.Groups["kind"].Value}", now);
        }
        else if (MailStoredLine().Match(line) is { Success: true } stored)
        {
            MailsStored.TryAdd(stored.Groups["reference"].Value, now);
        }
        else if (WorkerStarted().Match(line) is { Success: true } worker)
        {
            WorkerProcessId = int.Parse(worker.Groups["pid"].Value, CultureInfo.InvariantCulture);
        }
        else if (line.Contains("Host ready in", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    [GeneratedRegex(@"Executing 'Functions\.(?<function>\w+)' \(Reason='.*', Id=(?<id>[0-9a-fA-F-]{36})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Executing();

    [GeneratedRegex(@"Enquiry (?<reference>OPE-[0-9]{4}-[0-9A-Z]{4}) screened \((?<status>\w+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ScreenedLine();

    [GeneratedRegex(@"Enquiry (?<reference>OPE-[0-9]{4}-[0-9A-Z]{4}) routed:", RegexOptions.CultureInvariant)]
    private static partial Regex RoutedLine();

    [GeneratedRegex(@"(Delivered (?<kind>\w+) of (?<reference>OPE-[0-9]{4}-[0-9A-Z]{4}) \(attempt|Delivery (?<kind>\w+) of (?<reference>OPE-[0-9]{4}-[0-9A-Z]{4}) failed for good)", RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryDoneLine();

    [GeneratedRegex(@"E-mail stored as enquiry (?<reference>OPE-[0-9]{4}-[0-9A-Z]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex MailStoredLine();

    [GeneratedRegex(@"Worker process (?<pid>\d+) started", RegexOptions.CultureInvariant)]
    private static partial Regex WorkerStarted();
}
