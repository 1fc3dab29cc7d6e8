using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LocalFunctionsHost.Testing;
using OnePointEntry.Testing;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// The Function App under the local host, with the settings of local.settings.sample.json except storage,
/// which is the test run's Azurite. Retries are made quick through the host's own host.json overrides so
/// that a poison message arrives in seconds rather than minutes.
/// </summary>
public sealed class FunctionAppFixture : IAsyncLifetime
{
    public const int MaxDequeueCount = 2;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("AZURITE_CONNECTION_STRING is not set: run the tests with tools/test.sh, which starts Azurite and sets it.");

    public const string ClientState = "end-to-end-client-state";

    /// <summary>The shared mailbox as Microsoft Graph shows it, on this machine.</summary>
    public GraphStandIn Graph { get; } = GraphStandIn.Start(requireToken: false);

    /// <summary>The team's Teams channel's Workflows webhook, on this machine.</summary>
    public TeamsWebhookStandIn Teams { get; } = TeamsWebhookStandIn.Start();

    public HostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TableServiceClient Tables { get; } = new(ConnectionString);

    /// <summary>A queue client that sees messages as stored, without the SDK's decoding.</summary>
    public static QueueClient RawQueue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public static Dictionary<string, string> Settings(string storage, GraphStandIn graph, TeamsWebhookStandIn teams) => new()
    {
        ["Planner__PlanId"] = GraphStandIn.PlanId,
        ["Planner__BucketId"] = GraphStandIn.ScreeningBucketId,
        ["Teams__WebhookUrl"] = teams.WebhookUrl.AbsoluteUri,
        ["Routing__EnquiryLinkBase"] = "https://ope.example/api/enquiries/",
        ["AzureWebJobsStorage"] = storage,
        ["Graph__Mailbox"] = graph.Mailbox,
        ["Graph__BaseUrl"] = graph.BaseUrl.AbsoluteUri,
        ["Graph__Credential"] = "Local",
        ["Mail__ClientState"] = ClientState,
        ["Mail__NotificationUrl"] = "https://ope.example/api/mail/notifications",
        ["AzureWebJobs.KeepMailbox.Disabled"] = "true",
        // Run through the admin API only, so a test run at 04:00 UTC is not reported before its data exists.
        ["AzureWebJobs.ReportMonthlyStatistics.Disabled"] = "true",
        ["Statistics__ReportRecipients"] = "management@onepointentry.example; statistics@onepointentry.example",
        ["Retention__Months"] = "24",
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

    public async Task InitializeAsync()
    {
        await SeedSampleDirectoriesAsync();
        Host = await HostProcess.StartAsync(AppPaths.HostAssembly, AppPaths.AppDirectory, Settings(ConnectionString, Graph, Teams));
        Client = Host.CreateClient();
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
        Graph.Dispose();
        Teams.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
