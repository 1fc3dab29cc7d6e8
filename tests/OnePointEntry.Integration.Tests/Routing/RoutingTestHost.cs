using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Identity;
using OnePointEntry.Infrastructure.Routing;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary>
/// The app's real credential, Graph and routing composition (<c>AddAppCredential</c>, <c>AddGraphMail</c>,
/// <c>AddScreeningRouting</c>) against the Microsoft 365 stand-in, with <c>Graph:Credential=Local</c>.
/// </summary>
public static class RoutingTestHost
{
    public static IHost Build(StandInServer m365, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(m365.Settings) { ["Graph:Credential"] = "Local" };
        foreach (var (key, value) in StandInServer.PlannerSettings.Concat(m365.TeamsSettings))
        {
            settings[key] = value;
        }

        // Back off briefly in tests; the Retry-After the stand-in sends still wins.
        settings["Teams:RetryDelay"] = "00:00:00.010";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.AddAppCredential();
        builder.AddGraphMail();
        builder.AddScreeningRouting();
        return builder.Build();
    }
}
