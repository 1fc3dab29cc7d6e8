using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Routing;

namespace OnePointEntry.Integration.Tests.Routing;

public sealed class ScreeningRoutingOptionsTests : IDisposable
{
    private readonly StandInServer _m365 = StandInServer.Start();

    [Theory]
    [InlineData("Planner:PlanId", "Planner__PlanId")]
    [InlineData("Planner:BucketId", "Planner__BucketId")]
    [InlineData("Teams:WebhookUrl", "Teams__WebhookUrl")]
    public async Task Without_a_routing_setting_the_app_refuses_to_start_and_names_it(string key, string setting)
    {
        using var host = RoutingTestHost.Build(_m365, new Dictionary<string, string?> { [key] = null });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://prod-12.westeurope.logic.example/workflows/x?sig=y")]
    [InlineData("ftp://127.0.0.1/hook")]
    public async Task A_webhook_url_without_https_is_refused_except_on_loopback(string url)
    {
        using var host = RoutingTestHost.Build(_m365, new Dictionary<string, string?> { ["Teams:WebhookUrl"] = url });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Teams__WebhookUrl must use https", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_every_setting_the_adapters_start_and_share_the_apps_Graph_client()
    {
        using var host = RoutingTestHost.Build(_m365);

        await host.StartAsync();

        Assert.IsType<GraphScreeningCalendar>(host.Services.GetRequiredService<IScreeningCalendar>());
        Assert.IsType<GraphScreeningTaskBoard>(host.Services.GetRequiredService<IScreeningTaskBoard>());
        Assert.IsType<TeamsWorkflowsNotifier>(host.Services.GetRequiredService<ITeamsNotifier>());
        await host.StopAsync();
    }

    [Fact]
    public void Routing_without_the_Graph_client_is_refused_when_the_app_is_composed()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(StandInServer.PlannerSettings);

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddScreeningRouting());

        Assert.Contains("AddGraphMail", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _m365.Dispose();
    }
}
