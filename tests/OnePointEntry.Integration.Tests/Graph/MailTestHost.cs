using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePointEntry.Infrastructure.Graph;

namespace OnePointEntry.Integration.Tests.Graph;

/// <summary>The app's real mail composition (<c>AddGraphMail</c>) with these settings and a test credential.</summary>
public static class MailTestHost
{
    public static IHost Build(IDictionary<string, string?> settings, TokenCredential credential, Action<AzureClientFactoryBuilder>? configureClients = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.AddGraphMail();
        builder.Services.AddAzureClients(clients =>
        {
            clients.UseCredential(credential);
            configureClients?.Invoke(clients);
        });
        return builder.Build();
    }
}
