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

    public HostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TableServiceClient Tables { get; } = new(ConnectionString);

    /// <summary>A queue client that sees messages as stored, without the SDK's decoding.</summary>
    public static QueueClient RawQueue(string name) => new(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public static Dictionary<string, string> Settings(string storage, GraphStandIn graph) => new()
    {
        ["AzureWebJobsStorage"] = storage,
        ["Graph__Mailbox"] = graph.Mailbox,
        ["Graph__BaseUrl"] = graph.BaseUrl.AbsoluteUri,
        ["Graph__Credential"] = "None",
        ["Mail__ClientState"] = ClientState,
        ["Mail__NotificationUrl"] = "https://ope.example/api/mail/notifications",
        ["AzureWebJobs.KeepMailbox.Disabled"] = "true",
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["AzureFunctionsJobHost__extensions__queues__maxDequeueCount"] = MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01",
        ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
    };

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartAsync(AppPaths.HostAssembly, AppPaths.AppDirectory, Settings(ConnectionString, Graph));
        Client = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Graph.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
