using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalFunctionsHost.Testing;

namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>
/// The local host with the sample app and options of a test's choosing (such as --local-sign-in),
/// started as <see cref="HostProcess"/> starts it; that class is shared with other test projects and
/// takes no further options.
/// </summary>
internal sealed partial class SampleHostWithOptions : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _settingsFile;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();

    private SampleHostWithOptions(Process process, string settingsFile)
    {
        _process = process;
        _settingsFile = settingsFile;
    }

    public Uri BaseUrl { get; private set; } = null!;

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

    public static async Task<SampleHostWithOptions> StartAsync(IReadOnlyDictionary<string, string> values, params string[] options)
    {
        var settingsFile = Path.Combine(Path.GetTempPath(), $"lfh-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            TestPaths.HostAssembly,
            "--app", TestPaths.SampleAppDirectory,
            "--settings", settingsFile,
            "--port", "0",
            "--function-key", HostProcess.FunctionKey,
            "--master-key", HostProcess.MasterKey,
        }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new SampleHostWithOptions(process, settingsFile);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var listening = await host.WaitForLineAsync(l => l.Contains("Listening on http://", StringComparison.Ordinal), ReadyTimeout);
            host.BaseUrl = new Uri(ListeningUrl().Match(listening).Groups["url"].Value + "/");
            await host.WaitForLineAsync(l => l.Contains("Host ready in", StringComparison.Ordinal), ReadyTimeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                if (_lines.FirstOrDefault(predicate) is { } line)
                {
                    return line;
                }
            }

            if (_process.HasExited)
            {
                // The last lines may still be on their way from the redirected streams.
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

    /// <summary>A client that keeps cookies, as a browser does, and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        File.Delete(_settingsFile);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                _lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"Listening on (?<url>http://[0-9.]+:\d+)")]
    private static partial Regex ListeningUrl();
}
