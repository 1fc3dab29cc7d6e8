namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// How to reach the storage account, read from the setting the Functions host uses itself,
/// <c>AzureWebJobsStorage</c>: a connection string (Azurite: <c>UseDevelopmentStorage=true</c>), or in Azure
/// an identity-based connection (<c>AzureWebJobsStorage__accountName</c> or <c>__tableServiceUri</c> and
/// <c>__queueServiceUri</c> and <c>__blobServiceUri</c>, with <c>__credential=managedidentity</c> and <c>__clientId</c> for a
/// user-assigned identity).
/// </summary>
public sealed class StorageConnectionOptions
{
    public const string SettingName = "AzureWebJobsStorage";

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary><c>managedidentity</c> to use the app's managed identity; otherwise DefaultAzureCredential.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public Uri ResolveTableServiceUri() => TableServiceUri ?? new Uri($"https://{AccountName}.table.core.windows.net");

    public Uri ResolveQueueServiceUri() => QueueServiceUri ?? new Uri($"https://{AccountName}.queue.core.windows.net");

    public Uri ResolveBlobServiceUri() => BlobServiceUri ?? new Uri($"https://{AccountName}.blob.core.windows.net");
}
