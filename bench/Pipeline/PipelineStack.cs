using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft365StandIn;
using OnePointEntry.Bench.Faults;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// The Microsoft 365 stand-in in-process with the sample staff as users, and the app (Release) under the local host
/// with the run command's settings (<c>local.settings.sample.json</c>) pointed at this run's Azurite and stand-in,
/// subscribed to the mailbox as at a deployment's first KeepMailbox tick. Queue settings as <c>host.json</c> has them.
/// </summary>
internal sealed class PipelineStack : IAsyncDisposable
{
    /// <summary>Put in the User-Agent of the bench's own storage requests (seed, baseline), which are not the app's.</summary>
    public const string BenchApplicationId = "pipeline-bench";

    private PipelineStack(StandInServer standIn, AppHost app, int appPort)
    {
        StandIn = standIn;
        App = app;
        AppUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/"));
    }

    public StandInServer StandIn { get; }

    public AppHost App { get; }

    public Uri AppUrl { get; }

    public static async Task<PipelineStack> StartAsync(string storageConnection)
    {
        var standIn = await StandInServer.StartAsync(new StandInOptions
        {
            UsersFile = BenchPaths.Beside("staff.json"),
            // Its request log lines are not wanted here: the bench counts from the recorded requests.
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
            // Every Graph request of a burst is counted: a burst of 2,200 enquiries makes about 11,000.
            MaxRecordedRequests = 1_000_000,
        });
        var appPort = FreePort();
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(BenchPaths.Beside("local.settings.sample.json")))!["Values"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = storageConnection;
        settings["Graph__Mailbox"] = standIn.Mailbox;
        settings["Graph__BaseUrl"] = standIn.GraphBaseUrl.AbsoluteUri;
        settings["Teams__WebhookUrl"] = standIn.TeamsWebhookUrl.AbsoluteUri;
        settings["Mail__NotificationUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/api/mail/notifications");
        settings["Routing__EnquiryLinkBase"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/api/workspace/enquiries/");

        var logPath = Path.Combine(Path.GetTempPath(), "pipeline-host.log");
        var app = await AppHost.StartAsync(settings, appPort, logPath);
        var stack = new PipelineStack(standIn, app, appPort);
        await stack.SubscribeAsync();
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await StandIn.DisposeAsync();
    }

    private async Task SubscribeAsync()
    {
        using var client = new HttpClient { BaseAddress = AppUrl };
        using (var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/KeepMailbox", UriKind.Relative)) { Content = JsonContent.Create(new { input = string.Empty }) })
        {
            run.Headers.Add("x-functions-key", AppHost.MasterKey);
            using var response = await client.SendAsync(run);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"KeepMailbox could not be run: {(int)response.StatusCode}; see {App.LogPath}.");
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (StandIn.Subscriptions.Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The app did not subscribe to the mailbox; see {App.LogPath}.");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
