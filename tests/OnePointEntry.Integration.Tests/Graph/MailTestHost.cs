using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Identity;

namespace OnePointEntry.Integration.Tests.Graph;

/// <summary>The app's real mail composition (<c>AddGraphMail</c>) with these settings.</summary>
public static class MailTestHost
{
    /// <param name="credential">
    /// A test's own credential (one that records the scopes asked for); without it, the app's one credential as
    /// the settings choose it (<c>AddAppCredential</c>: <c>Graph:Credential=Local</c> takes tokens from the stand-in).
    /// </param>
    public static IHost Build(IDictionary<string, string?> settings, TokenCredential? credential = null, Action<AzureClientFactoryBuilder>? configureClients = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        if (credential is null)
        {
            builder.AddAppCredential();
        }

        builder.AddGraphMail();
        builder.Services.AddAzureClients(clients =>
        {
            if (credential is not null)
            {
                clients.UseCredential(credential);
            }

            configureClients?.Invoke(clients);
        });
        return builder.Build();
    }
}
