using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePointEntry.Geography;
using OnePointEntry.Statistics;
using OnePointEntry.Themes;

namespace OnePointEntry.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>The statistics report's renderers and the monthly report's composer.</summary>
    public static IServiceCollection AddStatisticsReports(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new ReportText(
            provider.GetService<CountryDirectory>() ?? CountryDirectory.Default,
            provider.GetService<ThemeTaxonomy>() ?? ThemeTaxonomy.Default));
        services.TryAddSingleton<StatisticsChart>();
        services.TryAddSingleton<StatisticsHtmlReport>();
        services.TryAddSingleton<StatisticsTextReport>();
        services.TryAddSingleton<IMonthlyReportComposer, MonthlyReportComposer>();
        services.TryAddScoped<StatisticsViews>();
        return services;
    }
}
