using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Retention;

namespace OnePointEntry.Infrastructure.Retention;

public static class RetentionHostApplicationBuilderExtensions
{
    /// <summary>How long enquiries keep their personal data (<c>Retention__Months</c>, <c>Retention__MaxPerRun</c>), validated at start-up.</summary>
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RetentionSettings>()
            .Bind(builder.Configuration.GetSection(RetentionSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<RetentionSettings>>().Value;
            return new RetentionPolicy(settings.Months, settings.MaxPerRun);
        });
        return builder;
    }
}
