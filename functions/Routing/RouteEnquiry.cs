using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Queues;
using OnePointEntry.Routing;

namespace OnePointEntry.Functions.Routing;

/// <summary>Routes each screened enquiry to its screener: calendar event, Planner task, Teams card.</summary>
public sealed class RouteEnquiry(EnquiryRouting routing)
{
    [Function(nameof(RouteEnquiry))]
    public Task Run(
        [QueueTrigger(QueueNames.Routing)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        routing.HandleMessageAsync(message, dequeueCount, cancellationToken);
}
