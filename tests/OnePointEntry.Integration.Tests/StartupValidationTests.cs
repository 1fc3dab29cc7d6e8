using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Integration.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Without_a_storage_setting_the_app_refuses_to_start_and_names_the_setting()
    {
        using var host = Build([]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AzureWebJobsStorage", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_based_connection_reaches_the_accounts_endpoints_without_a_key()
    {
        using var host = Build(new() { ["AzureWebJobsStorage:accountName"] = "opeprod", ["AzureWebJobsStorage:credential"] = "managedidentity", ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001" });

        Assert.Equal("https://opeprod.table.core.windows.net/", host.Services.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Equal("https://opeprod.queue.core.windows.net/", host.Services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://opeprod.blob.core.windows.net/", host.Services.GetRequiredService<BlobServiceClient>().Uri.ToString());
    }

    [Fact]
    public void Explicit_service_uris_win_over_the_account_name()
    {
        using var host = Build(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.test/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.test/",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.test/",
        });

        Assert.Equal("https://tables.example.test/", host.Services.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Equal("https://queues.example.test/", host.Services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://blobs.example.test/", host.Services.GetRequiredService<BlobServiceClient>().Uri.ToString());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEnquiryStorage();
        return builder.Build();
    }
}
