using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure.Identity;
using OnePointEntry.Mail;
using OnePointEntry.Queues;
using OnePointEntry.Retention;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;
using OnePointEntry.Workspace;

namespace OnePointEntry.Infrastructure.Storage;

public static class StorageHostApplicationBuilderExtensions
{
    /// <summary>
    /// Table, queue and blob clients for the storage account named by <c>AzureWebJobsStorage</c>, registered once
    /// through Microsoft.Extensions.Azure with the app's one credential (<c>AddAppCredential</c>) for an
    /// identity-based connection, and the stores built on them.
    /// </summary>
    public static IHostApplicationBuilder AddEnquiryStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageConnectionOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration.GetSection(StorageConnectionOptions.SettingName)))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageConnectionOptions>, StorageConnectionOptionsValidator>());

        builder.AddAppCredential();
        builder.Services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
            {
                var connection = provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
                return connection.UsesConnectionString
                    ? new TableServiceClient(connection.ConnectionString, options)
                    : new TableServiceClient(connection.ResolveTableServiceUri(), credential, options);
            });
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
            {
                var connection = provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return connection.UsesConnectionString
                    ? new QueueServiceClient(connection.ConnectionString, options)
                    : new QueueServiceClient(connection.ResolveQueueServiceUri(), credential, options);
            });
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
            {
                var connection = provider.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
                return connection.UsesConnectionString
                    ? new BlobServiceClient(connection.ConnectionString, options)
                    : new BlobServiceClient(connection.ResolveBlobServiceUri(), credential, options);
            });
        });

        builder.Services.TryAddSingleton(new StorageNames());
        builder.Services.TryAddSingleton<IEnquiryStore, TableEnquiryStore>();
        builder.Services.TryAddSingleton<IWorklistIndex, TableWorklistIndex>();
        builder.Services.TryAddSingleton<IScreeningQueue, StorageScreeningQueue>();
        builder.Services.TryAddSingleton<IRoutingQueue, StorageRoutingQueue>();
        builder.Services.TryAddSingleton<IPoisonMessageLog, TablePoisonMessageLog>();
        builder.Services.TryAddSingleton<IMailIndex, TableMailIndex>();
        builder.Services.TryAddSingleton<IMailboxStateStore, TableMailboxStateStore>();
        builder.Services.TryAddSingleton<IMailQueue, StorageMailQueue>();
        builder.Services.TryAddSingleton<IMailOriginals, BlobMailOriginals>();
        builder.Services.TryAddSingleton<IStatisticsStore, TableStatisticsStore>();
        builder.Services.TryAddSingleton<IMonthlyReportLog, TableMonthlyReportLog>();
        builder.Services.TryAddSingleton<IRetentionStateStore, TableRetentionStateStore>();
        return builder;
    }

    /// <summary>Reads <c>AzureWebJobsStorage</c>, which is a value (a connection string) and a section (its identity-based parts) at once.</summary>
    internal static void Bind(StorageConnectionOptions options, IConfigurationSection section)
    {
        options.ConnectionString = section.Value;
        options.AccountName = section["accountName"];
        options.TableServiceUri = Uri(section["tableServiceUri"]);
        options.QueueServiceUri = Uri(section["queueServiceUri"]);
        options.BlobServiceUri = Uri(section["blobServiceUri"]);
        options.Credential = section["credential"];
        options.ClientId = section["clientId"];
    }

    private static Uri? Uri(string? text) => string.IsNullOrWhiteSpace(text) ? null : new Uri(text, UriKind.Absolute);
}
