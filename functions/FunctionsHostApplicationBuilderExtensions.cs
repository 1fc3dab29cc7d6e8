using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Functions.Retention;
using OnePointEntry.Functions.Routing;
using OnePointEntry.Functions.Statistics;
using OnePointEntry.Queues;
using OnePointEntry.Retention;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;

namespace OnePointEntry.Functions;

public static class FunctionsHostApplicationBuilderExtensions
{
    /// <summary>
    /// The retry policy the Functions host applies to queue messages, read from the same host.json the host
    /// reads (and from <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>, the host's own
    /// override), so the last delivery of a failing message is known without a second setting to keep equal.
    /// </summary>
    public static IHostApplicationBuilder AddQueueRetryPolicy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var hostJson = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true)
            .Build();
        var maxDequeueCount = builder.Configuration.GetValue<int?>("AzureFunctionsJobHost:extensions:queues:maxDequeueCount")
            ?? hostJson.GetValue<int?>("extensions:queues:maxDequeueCount")
            ?? QueueRetryPolicy.HostDefault;
        builder.Services.TryAddSingleton(new QueueRetryPolicy(maxDequeueCount));
        return builder;
    }

    /// <summary>Where routed tasks link to (<c>Routing__EnquiryLinkBase</c>), validated at start-up.</summary>
    public static IHostApplicationBuilder AddRoutingLinks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RoutingSettings>()
            .Bind(builder.Configuration.GetSection(RoutingSettings.SectionName))
            .ValidateDataAnnotations()
            .Validate(settings => settings.EnquiryLinkBase is not { IsAbsoluteUri: false }, "Routing__EnquiryLinkBase must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider => new RoutingOptions(provider.GetRequiredService<IOptions<RoutingSettings>>().Value.EnquiryLinkBase!));
        return builder;
    }

    /// <summary>Who gets the monthly statistics report (<c>Statistics__ReportRecipients</c>), validated at start-up.</summary>
    public static IHostApplicationBuilder AddStatisticsReportRecipients(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StatisticsSettings>()
            .Bind(builder.Configuration.GetSection(StatisticsSettings.SectionName))
            .ValidateDataAnnotations()
            .Validate(settings => settings.Recipients.Count > 0, "Statistics__ReportRecipients must name at least one e-mail address.")
            .Validate(settings => settings.Recipients.All(EmailAddresses.IsValid), "Statistics__ReportRecipients must be e-mail addresses separated by ';'.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(provider => new MonthlyReportRecipients(provider.GetRequiredService<IOptions<StatisticsSettings>>().Value.Recipients));
        return builder;
    }

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
