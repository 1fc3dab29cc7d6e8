using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Azurite keeping its data in a folder of this run's own, on ports fixed at the first start so that a restart on
/// the same data answers at the same addresses. Stopped with SIGTERM (it saves what it holds as it closes), never
/// with SIGKILL while it still listens: <c>kill -9</c> loses its last seconds of acknowledged writes, which Azure
/// Storage never does.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location;
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private Process? _process;

    private AzuriteProcess(string location) => _location = location;

    public string ConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Azurite is not running.");

    public static async Task<AzuriteProcess> StartAsync(string location)
    {
        Directory.CreateDirectory(location);
        var azurite = new AzuriteProcess(location);
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(BenchPaths.Azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Telemetry off: Azurite installs its SIGTERM handler only after its telemetry start, and without it a
        // TERM would end the process before it saves.
        foreach (var argument in new[]
        {
            "--skipApiVersionCheck", "--disableProductStyleUrl", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Text(_blobPort), "--queuePort", Text(_queuePort), "--tablePort", Text(_tablePort),
            "--location", _location,
        })
        {
            start.ArgumentList.Add(argument);
        }

        lock (_gate)
        {
            _lines.Clear();
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (!await WaitForLinesAsync("successfully listening", 3, TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"Azurite did not start:{Environment.NewLine}{Output}");
        }

        // Its signal handlers come after the three services listen.
        await Task.Delay(500);
    }

    /// <summary>
    /// SIGTERM, then waits until the three services say they closed (their stores saved) and the process exits.
    /// Azurite on disk has been seen to close everything and then not exit; only then is it killed.
    /// </summary>
    /// <returns>How the stop went, for the run's output.</returns>
    public async Task<string> StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return "was not running";
        }

        Signals.Send(process.Id, "TERM");
        var closed = await WaitForLinesAsync("successfully closed", 3, TimeSpan.FromSeconds(30));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(closed ? 3 : 10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
            return closed ? "SIGTERM: services closed, exited" : "SIGTERM: exited without saying its services closed";
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            return closed ? "SIGTERM: services closed and saved, then killed as it did not exit" : "SIGTERM: still running 40 s later, killed";
        }
    }

    /// <summary>SIGSTOP: Azurite keeps its sockets but answers nothing until <see cref="Thaw"/>, as slow storage would.</summary>
    public void Freeze() => Signals.Send(ProcessId, "STOP");

    public void Thaw() => Signals.Send(ProcessId, "CONT");

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Thaw();
            await StopAsync();
        }

        _process?.Dispose();
    }

    private async Task<bool> WaitForLinesAsync(string text, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                if (_lines.Count(line => line.Contains(text, StringComparison.Ordinal)) >= count)
                {
                    return true;
                }
            }

            if (_process!.HasExited)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }
        }
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
