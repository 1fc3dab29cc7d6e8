using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LocalFunctionsHost.Testing;
using Microsoft365StandIn;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// The Function App under the local host, with the settings of local.settings.sample.json except storage, which is
/// the test run's Azurite, and Microsoft 365, which is an in-process Microsoft 365 stand-in (the same program the run
/// command starts) with the sample staff as its users. As after a deployment's first KeepMailbox run, the mailbox
/// subscription exists before any test starts, so mail delivered to the stand-in arrives by Graph's notification.
/// Retries are made quick through the host's own host.json overrides so that a poison message arrives in seconds.
/// </summary>
public sealed class FunctionAppFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 2;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("AZURITE_CONNECTION_STRING is not set: run the tests with tools/test.sh, which starts Azurite and sets it.");

    public const string ClientState = "end-to-end-client-state";

    /// <summary>Who the host's local sign-in (App Service Authentication played locally) signs in, as staff and team lead.</summary>
    public const string SignedInStaff = "mei.chen@onepointentry.example";

    /// <summary>A client holding this run's staff session, as a browser has after signing in.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(new Uri("/.auth/login/aad?post_login_redirect_uri=/api/workspace", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.Found
            ? client
            : throw new InvalidOperationException($"Local sign-in answered {(int)response.StatusCode}.{Environment.NewLine}{Host.Output}");
    }

    /// <summary>Microsoft 365 as the app sees it (the shared mailbox, calendars, Planner, the Teams channel), on this machine.</summary>
    public StandInServer StandIn { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TableServiceClient Tables { get; } = new(ConnectionString);

    public BlobServiceClient Blobs { get; } = new(ConnectionString);

    /// <summary>A queue client that sees messages as stored, without the SDK's decoding.</summary>
    public static QueueClient RawQueue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>The sample staff, as the run command gives them to the stand-in's directory.</summary>
    public static StandInOptions StandInOptions() => new() { UsersFile = Path.Combine(AppPaths.SampleDataDirectory, "staff.json") };

    /// <param name="appPort">The port the app will listen on, for the notification URL Graph calls back.</param>
    public static Dictionary<string, string> Settings(string storage, StandInServer standIn, int appPort) => new()
    {
        ["Planner__PlanId"] = StandInServer.PlanId,
        ["Planner__BucketId"] = StandInServer.ScreeningBucketId,
        ["Teams__WebhookUrl"] = standIn.TeamsWebhookUrl.AbsoluteUri,
        ["Routing__EnquiryLinkBase"] = "https://ope.example/api/workspace/enquiries/",
        ["AzureWebJobsStorage"] = storage,
        ["Graph__Mailbox"] = standIn.Mailbox,
        ["Graph__BaseUrl"] = standIn.GraphBaseUrl.AbsoluteUri,
        ["Graph__Credential"] = "Local",
        ["Mail__ClientState"] = ClientState,
        ["Mail__NotificationUrl"] = $"http://127.0.0.1:{appPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/api/mail/notifications",
        // Run through the admin API only, so a test run at 04:00 UTC is not reported before its data exists.
        ["AzureWebJobs.ReportMonthlyStatistics.Disabled"] = "true",
        ["Statistics__ReportRecipients"] = "management@onepointentry.example; statistics@onepointentry.example",
        ["Retention__Months"] = "24",
        // The outbox tries again within seconds, so a test sees a recovery without waiting minutes.
        ["Deliveries__FirstRetryDelay"] = "00:00:01",
        ["Deliveries__MaxRetryDelay"] = "00:00:02",
        // No telemetry leaves a test run.
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "",
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
    };

    /// <summary>How long the flows may take: queue polling, retries and screening, on a busy CI machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="condition"/> holds or <see cref="Patience"/> runs out.</summary>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>The enquiry as the status endpoint shows it, once it has <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string reference, string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        JsonElement last = default;
        var reached = await WaitForAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/enquiries/{reference}", UriKind.Relative));
            request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
            using var response = await Client.SendAsync(request);
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.StatusCode == HttpStatusCode.OK && last.GetProperty("status").GetString() == status;
        });
        return reached ? last : throw new TimeoutException($"{reference} did not become {status}; last seen: {last}{Environment.NewLine}{Host.Output}");
    }

    /// <summary>
    /// Waits for the screening event, task and card of a routed enquiry: routing records them in the outbox, and
    /// they arrive a moment after the status says Routed.
    /// </summary>
    public async Task WaitForRoutingDeliveriesAsync(string reference, string screener) =>
        Assert.True(
            await WaitForAsync(() => Task.FromResult(
                StandIn.EventsOf(screener).Any(item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal))
                && StandIn.PlannerTasks.Any(item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal))
                && StandIn.PostedMessages.Any(message => message.ToJsonString().Contains(reference, StringComparison.Ordinal)))),
            $"The event, task and card of {reference} did not arrive.{Environment.NewLine}{Host.Output}");

    public async Task InitializeAsync()
    {
        await SeedSampleDirectoriesAsync();
        StandIn = await StandInServer.StartAsync(StandInOptions());
        Host = await HostProcess.StartOnFreePortAsync(AppPaths.HostAssembly, AppPaths.AppDirectory, port => Settings(ConnectionString, StandIn, port), arguments: ["--local-sign-in", SignedInStaff, "--local-sign-in-name", "Mei Chen"]);
        Client = Host.CreateClient();
        await RunKeepMailboxAsync();
        if (!await WaitForAsync(() => Task.FromResult(StandIn.Subscriptions.Count == 1)))
        {
            throw new InvalidOperationException($"The app did not subscribe to the mailbox.{Environment.NewLine}{Host.Output}");
        }
    }

    /// <summary>Runs the mailbox timer now through the admin API, as the run command does at start.</summary>
    public async Task RunKeepMailboxAsync()
    {
        using var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/KeepMailbox", UriKind.Relative)) { Content = JsonContent.Create(new { input = string.Empty }) };
        run.Headers.Add("x-functions-key", HostProcess.MasterKey);
        using var response = await Client.SendAsync(run);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"KeepMailbox could not be run: {(int)response.StatusCode}{Environment.NewLine}{Host.Output}");
        }
    }

    // Staff and partners as an operator loads them: `ope seed` with the shipped sample, against this Azurite.
    private static async Task SeedSampleDirectoriesAsync()
    {
        var seed = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            AppPaths.ToolAssembly, "seed",
            "--staff", Path.Combine(AppPaths.SampleDataDirectory, "staff.json"),
            "--partners", Path.Combine(AppPaths.SampleDataDirectory, "partners.json"),
        })
        {
            seed.ArgumentList.Add(argument);
        }

        seed.Environment["AzureWebJobsStorage"] = ConnectionString;
        using var process = Process.Start(seed)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ope seed failed with exit code {process.ExitCode}: {await output}{await error}");
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
        }
    }
}
