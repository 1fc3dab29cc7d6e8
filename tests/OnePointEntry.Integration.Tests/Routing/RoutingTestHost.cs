using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Testing;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary>The app's real Graph and routing composition (<c>AddGraphMail</c>, <c>AddScreeningRouting</c>) against the stand-ins.</summary>
public static class RoutingTestHost
{
    public static IHost Build(GraphStandIn graph, TeamsWebhookStandIn teams, TokenCredential credential, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(graph.Settings);
        foreach (var (key, value) in GraphStandIn.PlannerSettings.Concat(teams.Settings))
        {
            settings[key] = value;
        }

        // Back off briefly in tests; the Retry-After the stand-in sends still wins.
        settings["Teams:RetryDelay"] = "00:00:00.010";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return Build(settings, credential);
    }

    public static IHost Build(IDictionary<string, string?> settings, TokenCredential credential)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.AddGraphMail();
        builder.AddScreeningRouting();
        builder.Services.AddAzureClients(clients => clients.UseCredential(credential));
        return builder.Build();
    }
}
