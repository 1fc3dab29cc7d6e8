using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OnePointEntry.Queues;

namespace OnePointEntry.Infrastructure.Queues;

public static class QueueRetryHostApplicationBuilderExtensions
{
    /// <summary>
    /// The retry policy the Functions host applies to queue messages, read from the same host.json the host
    /// reads (and from <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>, the host's own
    /// override), so the last delivery of a failing message is known without a second setting to keep equal.
    /// Outside the Function App (the tool, tests) there is no host.json beside the program: the host's default.
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
}
