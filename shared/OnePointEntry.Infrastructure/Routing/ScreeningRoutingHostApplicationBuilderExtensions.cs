using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using OnePointEntry.Routing;

namespace OnePointEntry.Infrastructure.Routing;

public static class ScreeningRoutingHostApplicationBuilderExtensions
{
    /// <summary>
    /// The routing adapters: <see cref="IScreeningCalendar"/> (Outlook) and <see cref="IScreeningTaskBoard"/>
    /// (Planner) through the app's one <see cref="GraphServiceClient"/>, which <c>AddGraphMail</c> registers and
    /// which must therefore be added first, and <see cref="ITeamsNotifier"/> through the channel's Workflows
    /// webhook. Settings <c>Planner__PlanId</c>, <c>Planner__BucketId</c> and <c>Teams__WebhookUrl</c> are
    /// validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddScreeningRouting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(service => service.ServiceType == typeof(GraphServiceClient)))
        {
            throw new InvalidOperationException("AddScreeningRouting uses the app's GraphServiceClient: call AddGraphMail before it.");
        }

        services.AddOptions<PlannerOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(PlannerOptions.SectionName).Bind(options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TeamsOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(TeamsOptions.SectionName).Bind(options))
            .ValidateDataAnnotations()
            .Validate(options => options.WebhookUrl is null || TeamsOptions.ProblemWith(options.WebhookUrl) is null, TeamsOptions.HttpsRequired)
            .ValidateOnStart();

        services.TryAddSingleton<GraphUserDirectory>();
        services.TryAddSingleton<IScreeningCalendar, GraphScreeningCalendar>();
        services.TryAddSingleton<IScreenerAvailability, CalendarAvailability>();
        services.TryAddSingleton<IScreeningTaskBoard, GraphScreeningTaskBoard>();
        services.TryAddSingleton<ITeamsNotifier, TeamsWorkflowsNotifier>();
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
}
