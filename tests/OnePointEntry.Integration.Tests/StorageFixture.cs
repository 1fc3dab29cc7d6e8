using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft365StandIn;
using OnePointEntry.Deliveries;
using OnePointEntry.Directories;
using OnePointEntry.Functions.Form;
using OnePointEntry.Functions.Staff;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Infrastructure;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Routing;

namespace OnePointEntry.Integration.Tests;

/// <summary>
/// The app's real composition (<c>AddOnePointEntry</c>, as the Function App's Program.cs calls it) against the
/// Azurite that tools/test.sh started, with tables and queues of this test's own so tests never see each
/// other's data.
/// </summary>
public sealed class StorageFixture
{
    public const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private readonly IHost _host;
    private readonly string _connectionString;

    public const string ClientState = "integration-test-client-state";

    /// <param name="m365">
    /// A Microsoft 365 stand-in that the mailbox, sending and routing talk to, with the app's own
    /// <c>Graph__Credential=Local</c> taking its tokens from it; its directory gets <see cref="Staff"/> as users.
    /// Without it, Graph is a loopback port where nothing listens, and they must not be used.
    /// </param>
    /// <param name="seedDirectories">Whether to store <see cref="Staff"/> and <see cref="Partners"/> first.</param>
    /// <param name="storageRequests">A policy added to every storage client's pipeline, to count what steps cost.</param>
    public StorageFixture(StandInServer? m365 = null, bool seedDirectories = true, HttpPipelinePolicy? storageRequests = null)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run the tests with tools/test.sh, which starts Azurite and sets it.");
        }

        _connectionString = connectionString;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Names = new StorageNames
        {
            EnquiriesTable = "Enquiries" + suffix,
            PoisonMessagesTable = "Poison" + suffix,
            ScreeningQueue = "screening-" + suffix,
            RoutingQueue = "routing-" + suffix,
            MailMessagesTable = "MailMessages" + suffix,
            MailboxStateTable = "MailboxState" + suffix,
            MailIntakeQueue = "mail-intake-" + suffix,
            MailLifecycleQueue = "mail-lifecycle-" + suffix,
            StaffTable = "Staff" + suffix,
            PartnersTable = "Partners" + suffix,
            StatisticsTable = "Statistics" + suffix,
            DeliveriesTable = "Deliveries" + suffix,
            DeliveryQueue = "deliveries-" + suffix,
        };

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnectionOptions.SettingName] = connectionString,
            // Routing records its deliveries with storage alone; their links need only to be well formed.
            ["Routing:EnquiryLinkBase"] = "https://ope.example/api/workspace/enquiries/",
        });
        if (m365 is not null)
        {
            builder.Configuration.AddInMemoryCollection(m365.Settings);
            builder.Configuration.AddInMemoryCollection(StandInServer.PlannerSettings);
            builder.Configuration.AddInMemoryCollection(m365.TeamsSettings);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Graph:Credential"] = "Local",
                ["Mail:ClientState"] = ClientState,
                ["Mail:NotificationUrl"] = "https://ope.example/api/mail/notifications",
            });

            // The tenant has the people the staff directory names, as in production.
            foreach (var member in Staff)
            {
                m365.AddUser(member.Id, displayName: member.Name);
            }
        }
        else
        {
            // The app's one credential (also behind the Graph token health check) asks only a loopback address
            // where nothing listens, so no test without a stand-in ever asks an identity endpoint for a token.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Graph:Credential"] = "Local",
                ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
            });
        }

        // What a test must replace, registered before the app's composition (whose registrations only fill
        // what is missing): its own tables and queues, its clock and its logs.
        builder.Services.AddSingleton(Names);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddEnquiryForm();
        builder.Services.AddStaffWorkspace();
        if (storageRequests is not null)
        {
            builder.Services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(storageRequests, HttpPipelinePosition.PerRetry)));
        }

        builder.AddOnePointEntry();
        if (m365 is null)
        {
            // No Graph, so no calendars: screening goes by language, expertise and load alone, as it does
            // when calendars cannot be read.
            builder.Services.RemoveAll<IScreenerAvailability>();
        }

        _host = builder.Build();
        Services = _host.Services;
        Tables = Services.GetRequiredService<TableServiceClient>();
        Queues = Services.GetRequiredService<QueueServiceClient>();

        // Screening needs someone to screen and partners to suggest, as in production after `ope seed`.
        if (seedDirectories)
        {
            Services.GetRequiredService<IStaffDirectory>().UpsertAsync(Staff, CancellationToken.None).GetAwaiter().GetResult();
            Services.GetRequiredService<IPartnerDirectory>().UpsertAsync(Partners, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public static IReadOnlyList<StaffMember> Staff { get; } =
    [
        new("mei.chen@onepointentry.example", "Mei Chen", ["zh", "en", "da"], ["fur-industry", "food-agriculture"], 5, Active: true),
        new("lars.holm@onepointentry.example", "Lars Holm", ["da", "en"], ["energy-climate", "digital-tech"], 5, Active: true, IsTeamLead: true),
    ];

    public static IReadOnlyList<Partner> Partners { get; } =
    [
        new("kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry"], ["da", "en"], null, ["Copenhagen Fur"]),
        new("glostrup-kommune", "Glostrup Kommune", PartnerKind.Municipality, "Glostrup", ["public-governance", "investment-trade"], ["da", "en"], null, []),
    ];

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public StorageNames Names { get; }

    public IServiceProvider Services { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Every log record the composition wrote, at every level.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public TableClient EnquiriesTable => Tables.GetTableClient(Names.EnquiriesTable);

    public QueueClient ScreeningQueue => Queues.GetQueueClient(Names.ScreeningQueue);

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>The function as it runs behind App Service Authentication, which vouches for the principal header.</summary>
    public T CreateBehindSignIn<T>() => ActivatorUtilities.CreateInstance<T>(Services, BehindSignIn);

    public static StaffSignIn BehindSignIn { get; } = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [StaffSignIn.EnabledSetting] = "True" })
        .Build());

    /// <summary>Every row of the enquiries table that is an enquiry (not a submission mark).</summary>
    public async Task<List<TableEntity>> StoredEnquiriesAsync()
    {
        await EnquiriesTable.CreateIfNotExistsAsync();
        return await EnquiriesTable.QueryAsync<TableEntity>(entity => entity.RowKey.CompareTo("OPE-") >= 0 && entity.RowKey.CompareTo("OPE.") < 0).ToListAsync();
    }

    /// <summary>
    /// The queued messages (screening unless another queue is named), read without the SDK's decoding and
    /// decoded from Base64 as the Functions host does, so a message that is not Base64 on the wire fails here.
    /// </summary>
    public async Task<List<string>> QueuedMessagesAsync(string? queue = null)
    {
        var raw = new QueueClient(_connectionString, queue ?? Names.ScreeningQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.CreateIfNotExistsAsync();
        var peeked = await raw.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(message => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)))];
    }

    /// <summary>
    /// Runs the outbox's sender for every delivery message visible on this test's delivery queue, as the
    /// <c>SendDelivery</c> function would, until none is left; returns how many were handled.
    /// </summary>
    public async Task<int> DeliverQueuedAsync()
    {
        var queue = Queues.GetQueueClient(Names.DeliveryQueue);
        await queue.CreateIfNotExistsAsync();
        var handled = 0;
        for (var round = 0; round < 20; round++)
        {
            var received = (await queue.ReceiveMessagesAsync(32)).Value;
            if (received.Length == 0)
            {
                return handled;
            }

            foreach (var message in received)
            {
                using var scope = Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().HandleMessageAsync(message.MessageText, CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                handled++;
            }
        }

        return handled;
    }

    /// <summary>Deletes this test's tables and queue and stops the composition.</summary>
    public async Task DeleteAsync()
    {
        await EnquiriesTable.DeleteAsync();
        await Tables.GetTableClient(Names.PoisonMessagesTable).DeleteAsync();
        await ScreeningQueue.DeleteIfExistsAsync();
        await Queues.GetQueueClient(Names.RoutingQueue).DeleteIfExistsAsync();
        await Tables.GetTableClient(Names.MailMessagesTable).DeleteAsync();
        await Tables.GetTableClient(Names.MailboxStateTable).DeleteAsync();
        await Queues.GetQueueClient(Names.MailIntakeQueue).DeleteIfExistsAsync();
        await Queues.GetQueueClient(Names.MailLifecycleQueue).DeleteIfExistsAsync();
        await Tables.GetTableClient(Names.StaffTable).DeleteAsync();
        await Tables.GetTableClient(Names.PartnersTable).DeleteAsync();
        await Tables.GetTableClient(Names.StatisticsTable).DeleteAsync();
        await Tables.GetTableClient(Names.DeliveriesTable).DeleteAsync();
        await Queues.GetQueueClient(Names.DeliveryQueue).DeleteIfExistsAsync();
        _host.Dispose();
    }
}
