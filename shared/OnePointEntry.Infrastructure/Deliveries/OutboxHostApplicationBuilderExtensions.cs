using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePointEntry.Deliveries;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Infrastructure.Deliveries;

public static class OutboxHostApplicationBuilderExtensions
{
    /// <summary>
    /// The outbox: deliveries recorded in the Deliveries table, queued on the delivery queue, sent by
    /// <see cref="OutboxSender"/> with the retry settings of section <c>Deliveries</c> (validated at start-up), and
    /// reported by the <c>deliveries</c> health check. Needs <c>AddEnquiryStorage</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(DeliveryOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.TryAddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.TryAddSingleton<IDeliveryQueue, StorageDeliveryQueue>();
        services.TryAddSingleton<IDependencyFailureReader, DependencyFailureReader>();
        services.TryAddScoped<Outbox>();
        services.TryAddScoped<OutboxSender>();
        services.TryAddScoped<OutboxSweep>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthProbe, FailedDeliveriesProbe>());
        return builder;
    }
}
