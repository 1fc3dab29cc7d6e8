using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Infrastructure.Identity;

public static class AppCredentialHostApplicationBuilderExtensions
{
    /// <summary>
    /// The app's one <see cref="TokenCredential"/>, registered as a service (for what is not an Azure SDK client,
    /// such as the Graph token health check) and given to every client registered through
    /// Microsoft.Extensions.Azure (<c>UseCredential</c>): storage with an identity-based connection, Graph, ACS.
    /// <list type="bullet">
    /// <item><c>Graph__Credential=Local</c>: <see cref="LocalTokenCredential"/>, tokens from the Microsoft 365
    /// stand-in at <c>Graph__BaseUrl</c>'s origin (a loopback address, checked at start by <c>AddGraphMail</c>).</item>
    /// <item><c>AzureWebJobsStorage__credential=managedidentity</c>: the managed identity
    /// (<c>AzureWebJobsStorage__clientId</c> for a user-assigned one).</item>
    /// <item>Otherwise <see cref="DefaultAzureCredential"/> (a developer's sign-in).</item>
    /// </list>
    /// A test registers its own <see cref="TokenCredential"/> first and that one is used.
    /// </summary>
    /// <remarks>
    /// The choice reads the settings without validating them: creating a client must not demand settings that
    /// client does not use (the <c>ope</c> tool gives storage only). The host validates them when it starts.
    /// </remarks>
    public static IHostApplicationBuilder AddAppCredential(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(Create);
        builder.Services.AddAzureClients(clients => clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>()));
        return builder;
    }

    private static TokenCredential Create(IServiceProvider provider)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var graph = new GraphOptions();
        configuration.GetSection(GraphOptions.SectionName).Bind(graph);
        if (graph.UsesLocalCredential)
        {
            return new LocalTokenCredential(graph.BaseUrl, provider.GetService<TimeProvider>());
        }

        var storage = new StorageConnectionOptions();
        StorageHostApplicationBuilderExtensions.Bind(storage, configuration.GetSection(StorageConnectionOptions.SettingName));
        if (string.Equals(storage.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(storage.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(storage.ClientId));
        }

        return new DefaultAzureCredential();
    }
}
