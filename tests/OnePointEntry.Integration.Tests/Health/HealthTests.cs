using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft365StandIn;
using OnePointEntry.Functions.Health;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Health;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Mail;

namespace OnePointEntry.Integration.Tests.Health;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly StorageFixture _storage;

    public HealthTests() => _storage = new StorageFixture(_m365, seedDirectories: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
        _m365.Dispose();
    }

    [Fact]
    public async Task With_storage_a_token_a_live_subscription_and_no_poison_everything_is_healthy()
    {
        await SaveSubscriptionAsync(_storage.Time.GetUtcNow().AddDays(2));

        var (status, text) = await GetAsync(_storage.Create<GetHealth>().Run);
        var (detailsStatus, details) = await GetAsync(_storage.Create<GetHealthDetails>().Run);

        Assert.Equal((200, """{"status":"Healthy"}"""), (status, text));
        Assert.Equal(200, detailsStatus);
        using var document = JsonDocument.Parse(details);
        var root = document.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        var checks = root.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!);
        Assert.Equal(["deliveries", "graph", "poison-queues", "storage", "subscription"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, check => Assert.Equal("Healthy", check.GetProperty("status").GetString()));
        Assert.Equal("sub-1", checks["subscription"].GetProperty("data").GetProperty("subscriptionId").GetString());
        Assert.Equal(0, checks["poison-queues"].GetProperty("data").GetProperty(_storage.Names.ScreeningQueue + "-poison").GetInt32());
        // The token the graph check got from the stand-in (the credential keeps it) is never reported.
        var issued = await _storage.Services.GetRequiredService<TokenCredential>().GetTokenAsync(new TokenRequestContext([new Uri(_m365.GraphBaseUrl, "/.default").AbsoluteUri]), CancellationToken.None);
        Assert.DoesNotContain(issued.Token, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_subscription_makes_the_details_unhealthy_but_not_the_anonymous_probe()
    {
        await SaveSubscriptionAsync(_storage.Time.GetUtcNow().AddMinutes(-1));

        var (status, _) = await GetAsync(_storage.Create<GetHealth>().Run);
        var (detailsStatus, details) = await GetAsync(_storage.Create<GetHealthDetails>().Run);

        Assert.Equal(200, status);
        Assert.Equal(503, detailsStatus);
        using var document = JsonDocument.Parse(details);
        Assert.Equal("Unhealthy", document.RootElement.GetProperty("status").GetString());
        var subscription = document.RootElement.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "subscription");
        Assert.Equal("Unhealthy", subscription.GetProperty("status").GetString());
        Assert.Contains("expired", subscription.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_in_a_poison_queue_is_counted_and_degrades_the_app()
    {
        await SaveSubscriptionAsync(_storage.Time.GetUtcNow().AddDays(2));
        var poison = _storage.Queues.GetQueueClient(_storage.Names.RoutingQueue + "-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("""{"reference":"OPE-2611-7K3F"}""");
        try
        {
            var (status, details) = await GetAsync(_storage.Create<GetHealthDetails>().Run);

            Assert.Equal(200, status);
            using var document = JsonDocument.Parse(details);
            Assert.Equal("Degraded", document.RootElement.GetProperty("status").GetString());
            var queues = document.RootElement.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "poison-queues");
            Assert.Equal(1, queues.GetProperty("data").GetProperty(_storage.Names.RoutingQueue + "-poison").GetInt32());
        }
        finally
        {
            await poison.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Storage_that_is_not_there_is_a_503_within_seconds_and_says_nothing_more()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A port nothing listens on: the account is not there.
            [StorageConnectionOptions.SettingName] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        });
        builder.Services.AddEnquiryDomain();
        builder.AddEnquiryStorage();
        builder.AddHealthProbes();
        using var host = builder.Build();
        var stopwatch = Stopwatch.StartNew();

        var (status, text) = await GetAsync(ActivatorUtilities.CreateInstance<GetHealth>(host.Services).Run);

        Assert.Equal((503, """{"status":"Unhealthy"}"""), (status, text));
        Assert.True(stopwatch.Elapsed < HealthMonitor.CheckTimeout + TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    private async Task SaveSubscriptionAsync(DateTimeOffset expiresAt) =>
        Assert.True(await _storage.Services.GetRequiredService<IMailboxStateStore>().TrySaveAsync(new MailboxState("sub-1", expiresAt, null), CancellationToken.None));

    private static async Task<(int Status, string Body)> GetAsync(Func<Microsoft.AspNetCore.Http.HttpRequest, CancellationToken, Task<Microsoft.AspNetCore.Mvc.IActionResult>> run)
    {
        var request = HttpRequests.Get("/api/health");
        var result = await run(request, CancellationToken.None);
        var (status, _, _, body) = await result.ExecuteAsync(request);
        return (status, body.GetRawText());
    }
}
