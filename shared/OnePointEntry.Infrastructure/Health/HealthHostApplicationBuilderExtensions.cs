using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OnePointEntry.Health;

namespace OnePointEntry.Infrastructure.Health;

public static class HealthHostApplicationBuilderExtensions
{
    /// <summary>
    /// The health checks: storage (essential), the Graph token, the mailbox subscription, the poison queues.
    /// Needs <c>AddEnquiryStorage</c> and <c>AddGraphMail</c>.
    /// </summary>
    public static IHostApplicationBuilder AddHealthProbes(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthProbe, StorageProbe>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthProbe, GraphTokenProbe>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthProbe, SubscriptionProbe>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthProbe, PoisonQueueProbe>());
        builder.Services.TryAddSingleton<HealthMonitor>();
        return builder;
    }
}
