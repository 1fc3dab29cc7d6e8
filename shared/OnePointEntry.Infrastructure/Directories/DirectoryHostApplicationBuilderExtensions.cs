using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Directories;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Infrastructure.Directories;

public static class DirectoryHostApplicationBuilderExtensions
{
    /// <summary>
    /// The staff and partner directories in table storage, kept by each process for <c>Directories__Freshness</c>
    /// (validated at start-up) so that screening does not read them per enquiry.
    /// </summary>
    public static IHostApplicationBuilder AddDirectories(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectoryCacheSettings>()
            .Bind(builder.Configuration.GetSection(DirectoryCacheSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<TableStaffDirectory>();
        builder.Services.TryAddSingleton<TablePartnerDirectory>();
        builder.Services.TryAddSingleton<IStaffDirectory>(provider => new CachedStaffDirectory(
            provider.GetRequiredService<TableStaffDirectory>(), provider.GetRequiredService<IOptions<DirectoryCacheSettings>>(), provider.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<IPartnerDirectory>(provider => new CachedPartnerDirectory(
            provider.GetRequiredService<TablePartnerDirectory>(), provider.GetRequiredService<IOptions<DirectoryCacheSettings>>(), provider.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
