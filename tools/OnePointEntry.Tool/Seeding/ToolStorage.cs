using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Deliveries;
using OnePointEntry.Directories;
using OnePointEntry.Infrastructure;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Statistics;

namespace OnePointEntry.Tool.Seeding;

/// <summary>
/// The directories, the statistics and the outbox through the app's own composition (<see cref="OnePointEntryHostApplicationBuilderExtensions.AddOnePointEntry"/>)
/// in a small host, so the tool reads the same setting, builds the same clients and writes the same tables
/// as the app. The host is never started, so only the settings the tool uses (storage) are demanded.
/// </summary>
internal sealed class ToolStorage : IDisposable
{
    private readonly IHost _host;

    private ToolStorage(IHost host)
    {
        _host = host;
        Names = host.Services.GetRequiredService<StorageNames>();
        Staff = host.Services.GetRequiredService<IStaffDirectory>();
        Partners = host.Services.GetRequiredService<IPartnerDirectory>();
        Statistics = host.Services.GetRequiredService<IStatisticsStore>();
        Outbox = ActivatorUtilities.CreateInstance<Outbox>(host.Services);
    }

    public StorageNames Names { get; }

    public IStaffDirectory Staff { get; }

    public IPartnerDirectory Partners { get; }

    public IStatisticsStore Statistics { get; }

    /// <summary>The app's outbox: its deliveries, and resending one (queued for the app's sender).</summary>
    public Outbox Outbox { get; }

    /// <param name="settings">Configuration keys and values (<c>AzureWebJobsStorage</c>, or its identity-based parts).</param>
    /// <param name="names">Table names; the production names when null.</param>
    /// <exception cref="OptionsValidationException">Storage is not configured; the message names the setting.</exception>
    public static ToolStorage Open(IEnumerable<KeyValuePair<string, string?>> settings, StorageNames? names = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        if (names is not null)
        {
            builder.Services.AddSingleton(names);
        }

        builder.AddOnePointEntry();
        var host = builder.Build();
        try
        {
            // The app validates on start; the tool never starts the host, so it asks for the options at once.
            _ = host.Services.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
            return new ToolStorage(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Opens storage from the app's settings (environment, then local.settings.json) and says where they came from.</summary>
    /// <param name="command">The command's name, for the message.</param>
    public static ToolStorage OpenFromSettings(string command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var environment = Environment.GetEnvironmentVariables();
        var settings = ToolSettings.Load(Directory.GetCurrentDirectory(), environment, AppContext.BaseDirectory);
        error.WriteLine($"ope {command}: storage from {StorageConnectionOptions.SettingName} in {settings.SourceOf(StorageConnectionOptions.SettingName, environment)}.");
        return Open(settings.Settings);
    }

    /// <summary>The app's services, for what a command needs beyond the stores above.</summary>
    public IServiceProvider Services => _host.Services;

    public void Dispose() => _host.Dispose();
}
