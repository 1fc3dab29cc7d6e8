using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Statistics;

namespace OnePointEntry.Infrastructure.Statistics;

public static class StatisticsHostApplicationBuilderExtensions
{
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
}
