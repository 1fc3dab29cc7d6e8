using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Directories;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Tool.Seeding;

/// <summary>
/// The directories through the app's own storage composition (<see cref="StorageHostApplicationBuilderExtensions.AddEnquiryStorage"/>)
/// in a small host, so the tool reads the same setting, builds the same clients and writes the same tables
/// as the app.
/// </summary>
internal sealed class DirectoryStorage : IDisposable
{
    private readonly IHost _host;

    private DirectoryStorage(IHost host)
    {
        _host = host;
        Names = host.Services.GetRequiredService<StorageNames>();
        Staff = host.Services.GetRequiredService<IStaffDirectory>();
        Partners = host.Services.GetRequiredService<IPartnerDirectory>();
    }

    public StorageNames Names { get; }

    public IStaffDirectory Staff { get; }

    public IPartnerDirectory Partners { get; }

    /// <param name="settings">Configuration keys and values (<c>AzureWebJobsStorage</c>, or its identity-based parts).</param>
    /// <param name="names">Table names; the production names when null.</param>
    /// <exception cref="OptionsValidationException">Storage is not configured; the message names the setting.</exception>
    public static DirectoryStorage Open(IEnumerable<KeyValuePair<string, string?>> settings, StorageNames? names = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (names is not null)
        {
            builder.Services.AddSingleton(names);
        }

        builder.AddEnquiryStorage();
        var host = builder.Build();
        try
        {
            // The app validates on start; the tool never starts the host, so it asks for the options at once.
            _ = host.Services.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
            return new DirectoryStorage(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Dispose() => _host.Dispose();
}
