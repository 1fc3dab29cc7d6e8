using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft365StandIn;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure;
using OnePointEntry.Infrastructure.Identity;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Integration.Tests.Graph;

namespace OnePointEntry.Integration.Tests.Identity;

/// <summary>Which credential the app's one composition gives everything, and the settings it refuses at start.</summary>
public sealed class AppCredentialTests : IAsyncLifetime
{
    private TokenEndpointListener _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await TokenEndpointListener.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task With_Graph_Credential_Local_the_apps_one_credential_takes_tokens_from_the_stand_in_at_Graph_BaseUrl()
    {
        using var host = Build(new() { ["Graph:Credential"] = "Local", ["Graph:BaseUrl"] = _endpoint.GraphBaseUrl.AbsoluteUri });

        var credential = Assert.IsType<LocalTokenCredential>(host.Services.GetRequiredService<TokenCredential>());
        var probe = host.Services.GetServices<IHealthProbe>().Single(check => check.Name == "graph");
        var result = await probe.CheckAsync(CancellationToken.None);

        Assert.Equal(new Uri(_endpoint.Origin, "/oauth2/v2.0/token"), credential.TokenEndpoint);
        Assert.Equal(HealthState.Healthy, result.State);
        Assert.Equal(new Uri(_endpoint.Origin, "/.default").AbsoluteUri, Assert.Single(_endpoint.Requests)["scope"]);
    }

    [Fact]
    public async Task The_Graph_client_sends_requests_with_the_stand_ins_token()
    {
        using var host = Build(new() { ["Graph:Credential"] = "Local", ["Graph:BaseUrl"] = _endpoint.GraphBaseUrl.AbsoluteUri });
        var graph = host.Services.GetRequiredService<GraphServiceClient>();

        // The listener is a token endpoint only: the Graph request itself is answered 404.
        await Assert.ThrowsAnyAsync<Microsoft.Kiota.Abstractions.ApiException>(() => graph.Users["delegations@onepointentry.test"].GetAsync());

        Assert.Equal(new Uri(_endpoint.Origin, "/.default").AbsoluteUri, Assert.Single(_endpoint.Requests)["scope"]);
    }

    [Fact]
    public void Without_Graph_Credential_the_app_uses_its_managed_identity_when_storage_says_so()
    {
        using var host = Build(new() { ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.IsType<ManagedIdentityCredential>(host.Services.GetRequiredService<TokenCredential>());
    }

    [Fact]
    public async Task A_test_that_registers_its_own_credential_keeps_it()
    {
        await using var m365 = await StandInServer.StartAsync();
        using var credential = m365.CreateCredential();
        using var host = Build(new() { ["Graph:Credential"] = "Local", ["Graph:BaseUrl"] = m365.GraphBaseUrl.AbsoluteUri }, credential);

        Assert.Same(credential, host.Services.GetRequiredService<TokenCredential>());
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0")]
    [InlineData("http://192.0.2.10:7072/v1.0")]
    public async Task Graph_Credential_Local_with_an_address_that_is_not_loopback_stops_the_start_naming_both_settings(string baseUrl)
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?> { ["Graph:Mailbox"] = "delegations@onepointentry.test", ["Graph:Credential"] = "Local", ["Graph:BaseUrl"] = baseUrl });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph__Credential=Local", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Graph__BaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("ManagedIdentity")]
    public async Task Any_other_Graph_Credential_stops_the_start_naming_the_setting(string value)
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?> { ["Graph:Mailbox"] = "delegations@onepointentry.test", ["Graph:Credential"] = value, ["Graph:BaseUrl"] = "http://127.0.0.1:7072/v1.0" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph__Credential must be empty", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_Credential_Local_with_a_loopback_address_starts()
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?> { ["Graph:Mailbox"] = "delegations@onepointentry.test", ["Graph:Credential"] = "local", ["Graph:BaseUrl"] = "http://localhost:7072/v1.0" });

        await host.StartAsync();
        await host.StopAsync();
    }

    // The app's composition as the Function App has it, not started: what is asked for is created on demand.
    private static IHost Build(Dictionary<string, string?> settings, TokenCredential? credential = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnectionOptions.SettingName] = "UseDevelopmentStorage=true",
            ["Graph:Mailbox"] = "delegations@onepointentry.test",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        if (credential is not null)
        {
            builder.Services.AddSingleton(credential);
        }

        builder.AddOnePointEntry();
        return builder.Build();
    }
}
