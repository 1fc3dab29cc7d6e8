using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Extraction;
using OnePointEntry.Geography;
using OnePointEntry.Queues;
using OnePointEntry.Retention;
using OnePointEntry.Routing;
using OnePointEntry.Screening;
using OnePointEntry.Screening.Decision;
using OnePointEntry.Statistics;
using OnePointEntry.Themes;
using OnePointEntry.Workspace;

namespace OnePointEntry;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The enquiry intake and screening services with the embedded reference data.</summary>
    public static IServiceCollection AddEnquiryDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => CountryDirectory.Default);
        services.TryAddSingleton(_ => CityGazetteer.Default);
        services.TryAddSingleton(_ => ThemeTaxonomy.Default);
        services.TryAddSingleton(_ => SectorClassifier.Default);
        services.TryAddSingleton(_ => EnquiryExtractor.Default);
        services.TryAddSingleton<EnquiryFormValidator>();
        services.TryAddSingleton<EnquiryScreener>();
        services.TryAddSingleton(_ => ScreeningDecisionMaker.Default);
        services.TryAddScoped<EnquiryIntake>();
        services.TryAddScoped<EnquiryStatusUpdate>();
        services.TryAddScoped<DelegationCount>();
        services.TryAddSingleton<EnquiryFieldValues>();
        services.TryAddScoped<EnquiryCorrection>();
        services.TryAddScoped<SameDelegation>();
        services.TryAddScoped<Worklist>();
        services.TryAddScoped<EnquiryRouting>();
        services.TryAddScoped<RoutingRequeue>();
        services.TryAddScoped<ScreenerReassignment>();
        services.TryAddScoped<ReferenceQueueStep>();
        services.TryAddScoped<EnquiryScreening>();
        services.TryAddScoped<ScreeningSweep>();
        services.TryAddScoped<DelegationStatistics>();
        services.TryAddScoped<MonthlyReportDelivery>();
        services.TryAddScoped<PersonalDataEraser>();
        services.TryAddScoped<RetentionSweep>();
        return services;
    }
}
