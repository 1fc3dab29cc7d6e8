using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LocalFunctionsHost.Testing;

/// <summary>The local Functions host running a built app as a separate process, as a user would start it.</summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";
    public const string MasterKey = "test-master-key";

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private readonly string _settingsFile;

    private HostProcess(Process process, string settingsFile)
    {
        _process = process;
        _settingsFile = settingsFile;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <param name="hostAssembly">The built LocalFunctionsHost.dll.</param>
    /// <param name="appDirectory">The built Function App's output folder.</param>
    /// <param name="values">The app settings, written to a local.settings.json of this run's own.</param>
    /// <param name="port">The HTTP port; 0 takes a free one. An app whose settings name its own URL (a webhook a service calls back) needs it known before the start.</param>
    /// <param name="arguments">Further host options, e.g. <c>--local-sign-in</c>.</param>
    public static Task<HostProcess> StartAsync(string hostAssembly, string appDirectory, IReadOnlyDictionary<string, string> values, TimeSpan? readyTimeout = null, int port = 0, IReadOnlyList<string>? arguments = null) =>
        // The host finds a free port for the worker's HTTP server, which another process can take before the worker
        // binds it (tests run in parallel): such a start is tried again, and the host finds another. A port the caller
        // chose is the caller's to change (StartOnFreePortAsync).
        port == 0
            ? RetriedOnAddressInUseAsync(() => StartOnceAsync(hostAssembly, appDirectory, values, readyTimeout, port, arguments))
            : StartOnceAsync(hostAssembly, appDirectory, values, readyTimeout, port, arguments);

    private static async Task<HostProcess> StartOnceAsync(string hostAssembly, string appDirectory, IReadOnlyDictionary<string, string> values, TimeSpan? readyTimeout, int port, IReadOnlyList<string>? arguments)
    {
        var settingsFile = Path.Combine(Path.GetTempPath(), $"lfh-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            hostAssembly,
            "--app", appDirectory,
            "--settings", settingsFile,
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--function-key", FunctionKey,
            "--master-key", MasterKey,
        }.Concat(arguments ?? []))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, settingsFile);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var listening = await host.WaitForLineAsync(l => l.Contains("Listening on http://", StringComparison.Ordinal), readyTimeout ?? TimeSpan.FromSeconds(60));
            host.BaseUrl = new Uri(ListeningUrl().Match(listening).Groups["url"].Value + "/");
            await host.WaitForLineAsync(l => l.Contains("Host ready in", StringComparison.Ordinal), readyTimeout ?? TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            // A start that failed leaves no process or settings file behind.
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the host on a port chosen here, for an app whose settings must name its own URL. A port found free can
    /// be taken by another process before the host binds it (tests run in parallel), so a start that fails on an
    /// address in use is tried again on a new port.
    /// </summary>
    /// <param name="valuesForPort">The app settings for the port the host will listen on.</param>
    public static Task<HostProcess> StartOnFreePortAsync(string hostAssembly, string appDirectory, Func<int, IReadOnlyDictionary<string, string>> valuesForPort, TimeSpan? readyTimeout = null, IReadOnlyList<string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(valuesForPort);
        return RetriedOnAddressInUseAsync(() =>
        {
            // Taken between the look and the bind: the next attempt looks for another port.
            var port = FreePort();
            return StartOnceAsync(hostAssembly, appDirectory, valuesForPort(port), readyTimeout, port, arguments);
        });
    }

    // A start that failed on an address in use (a failed start leaves nothing behind) is made again, up to three times.
    private static async Task<HostProcess> RetriedOnAddressInUseAsync(Func<Task<HostProcess>> start)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (InvalidOperationException exception) when (attempt < attempts && exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    /// <summary>A port nothing listens on now, for a process to take next.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                var line = _lines.FirstOrDefault(predicate);
                if (line is not null)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                await Task.Delay(200);
                lock (_lock)
                {
                    if (_lines.FirstOrDefault(predicate) is { } late)
                    {
                        return late;
                    }
                }

                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before the expected line appeared:{Environment.NewLine}{Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The expected line did not appear within {timeout.TotalSeconds} s:{Environment.NewLine}{Output}");
    }

    public int CountLines(Func<string, bool> predicate)
    {
        lock (_lock)
        {
            return _lines.Count(predicate);
        }
    }

    public void SendSigterm()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not exit within {timeout.TotalSeconds} s:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            SendSigterm();
            try
            {
                await WaitForExitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        File.Delete(_settingsFile);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add(line);
        }
    }

    [GeneratedRegex(@"Listening on (?<url>http://[0-9.]+:\d+)")]
    private static partial Regex ListeningUrl();
}
