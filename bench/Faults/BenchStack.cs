using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using LocalFunctionsHost.Testing;
using Microsoft.Extensions.Logging;
using Microsoft365StandIn;
using OnePointEntry.Bench.MailToCalendar;
using OnePointEntry.Deliveries;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// One run's world: a fresh Azurite on a data folder of its own with the sample staff and partners seeded (as
/// <c>ope seed</c> does), a fresh Microsoft 365 stand-in in-process, and the app (Release) under the local host with
/// the run command's settings pointed at both, subscribed to the mailbox as at a deployment's first timer tick.
/// </summary>
internal sealed partial class BenchStack : IAsyncDisposable
{
    private readonly StringBuilder _earlierHostOutput = new();
    private readonly Dictionary<string, string> _settings;
    private readonly string _dataFolder;
    private HostProcess _host;

    private BenchStack(AzuriteProcess azurite, StandInServer standIn, StandInRequestLog requestLog, HostProcess host, Dictionary<string, string> settings, int appPort, string dataFolder)
    {
        Azurite = azurite;
        StandIn = standIn;
        RequestLog = requestLog;
        _host = host;
        _settings = settings;
        AppPort = appPort;
        _dataFolder = dataFolder;
        var tables = new TableServiceClient(azurite.ConnectionString);
        Store = new TableEnquiryStore(tables, new StorageNames());
        Deliveries = new TableDeliveryStore(tables, new StorageNames());
    }

    public AzuriteProcess Azurite { get; }

    public StandInServer StandIn { get; }

    public StandInRequestLog RequestLog { get; }

    public int AppPort { get; }

    public Uri AppUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{AppPort}/"));

    /// <summary>The app's own store over this run's storage: what the bench counts as stored.</summary>
    public TableEnquiryStore Store { get; }

    /// <summary>The app's outbox over this run's storage: the acknowledgements, events, tasks and cards it recorded.</summary>
    public TableDeliveryStore Deliveries { get; }

    /// <summary>The deliveries still waiting to be made (the outbox's index of open deliveries, each confirmed Pending).</summary>
    public async Task<int> PendingDeliveriesAsync()
    {
        var pending = 0;
        await foreach (var id in Deliveries.ListOverdueAsync(DateTimeOffset.UtcNow.AddYears(10), CancellationToken.None))
        {
            if (await Deliveries.FindAsync(id, CancellationToken.None) is { State: DeliveryState.Pending })
            {
                pending++;
            }
        }

        return pending;
    }

    /// <summary>Every line the host printed in this run, across restarts.</summary>
    public string HostOutput => _earlierHostOutput + _host.Output;

    public static async Task<BenchStack> StartAsync(int run)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"ope-faults-run{run}-{Guid.NewGuid():N}"));
        var azurite = await AzuriteProcess.StartAsync(dataFolder);
        await SeedAsync(azurite.ConnectionString);

        var requestLog = new StandInRequestLog();
        var standIn = await StandInServer.StartAsync(new StandInOptions
        {
            UsersFile = BenchPaths.Beside("staff.json"),
            // The stand-in filters "Microsoft*" to warnings; its request log is information.
            ConfigureLogging = logging => logging.AddFilter("Microsoft365StandIn", LogLevel.Information).AddProvider(requestLog),
        });

        // The run command's settings, pointed at this run's storage and stand-in; host.json's queue settings as deployed.
        var appPort = FreePort();
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(BenchPaths.Beside("local.settings.sample.json")))!["Values"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Graph__Mailbox"] = standIn.Mailbox;
        settings["Graph__BaseUrl"] = standIn.GraphBaseUrl.AbsoluteUri;
        settings["Teams__WebhookUrl"] = standIn.TeamsWebhookUrl.AbsoluteUri;
        settings["Mail__NotificationUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/api/mail/notifications");
        settings["Routing__EnquiryLinkBase"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/api/enquiries/");

        var host = await HostProcess.StartAsync(BenchPaths.HostAssembly, BenchPaths.AppDirectory, settings, port: appPort);
        var stack = new BenchStack(azurite, standIn, requestLog, host, settings, appPort, dataFolder);
        await stack.SubscribeAsync();
        return stack;
    }

    /// <summary>The client state the app checks Graph's notifications against.</summary>
    public string ClientState => _settings["Mail__ClientState"];

    /// <summary>
    /// SIGKILL to the host and then to its worker: the whole app instance gone at once, with no chance to finish
    /// or give back the queue messages it holds.
    /// </summary>
    /// <returns>The host's and the worker's process ids.</returns>
    public async Task<(int Host, int Worker)> KillAppAsync()
    {
        var worker = WorkerProcessId();
        var host = _host.ProcessId;
        Signals.Send(host, "KILL");
        Signals.Send(worker, "KILL");
        await _host.WaitForExitAsync(TimeSpan.FromSeconds(10));
        _earlierHostOutput.AppendLine(_host.Output);
        await _host.DisposeAsync();
        return (host, worker);
    }

    /// <summary>Starts the app again on the same port (the mailbox subscription names it).</summary>
    public async Task RestartAppAsync() =>
        _host = await HostProcess.StartAsync(BenchPaths.HostAssembly, BenchPaths.AppDirectory, _settings, port: AppPort);

    public int WorkerProcessId() =>
        WorkerStarted().Matches(_host.Output) is { Count: > 0 } matches
            ? int.Parse(matches[^1].Groups["pid"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The host has not said which worker process it started.");

    /// <summary>Until no request has reached the stand-in for the given time, or <paramref name="atMost"/> has passed.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan atMost)
    {
        var deadline = DateTimeOffset.UtcNow + atMost;
        while (DateTimeOffset.UtcNow - RequestLog.LastAnsweredAt < quiet && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>Writes the host's whole output beside the other temporary files, for a closer look.</summary>
    public async Task<string> SaveHostOutputAsync(int run)
    {
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"faults-run{run}-host.log"));
        await File.WriteAllTextAsync(path, HostOutput);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await StandIn.DisposeAsync();
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file Azurite still held: the folder is in the temporary directory and goes with it.
        }
    }

    private async Task SubscribeAsync()
    {
        using var client = new HttpClient { BaseAddress = AppUrl };
        using (var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/KeepMailbox", UriKind.Relative)) { Content = JsonContent.Create(new { input = string.Empty }) })
        {
            run.Headers.Add("x-functions-key", HostProcess.MasterKey);
            using var response = await client.SendAsync(run);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"KeepMailbox could not be run: {(int)response.StatusCode}{Environment.NewLine}{HostOutput}");
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (StandIn.Subscriptions.Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app did not subscribe to the mailbox.{Environment.NewLine}{HostOutput}");
            }

            await Task.Delay(100);
        }

        await WaitForQuietAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
    }

    private static async Task SeedAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BenchPaths.ToolAssembly, "seed", "--staff", BenchPaths.Beside("staff.json"), "--partners", BenchPaths.Beside("partners.json") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureWebJobsStorage"] = connectionString;
        using var seed = Process.Start(start)!;
        var output = seed.StandardOutput.ReadToEndAsync();
        var errors = seed.StandardError.ReadToEndAsync();
        await seed.WaitForExitAsync();
        if (seed.ExitCode != 0)
        {
            throw new InvalidOperationException($"ope seed failed ({seed.ExitCode}):{Environment.NewLine}{await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Worker process (?<pid>\d+) started", RegexOptions.CultureInvariant)]
    private static partial Regex WorkerStarted();
}
