using System.Net;
using Azure;
using Azure.Storage.Queues;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Storage;

namespace OnePointEntry.Infrastructure.Health;

/// <summary>
/// The approximate length of each queue's poison queue (<c>&lt;queue&gt;-poison</c>, where the Functions host
/// moves a message after its last failed delivery). Any message there is an enquiry or a mail waiting for an
/// operator, so the app is degraded until they are dealt with.
/// </summary>
public sealed class PoisonQueueProbe(QueueServiceClient queues, StorageNames names) : IHealthProbe
{
    public string Name => "poison-queues";

    public bool Essential => false;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        string[] watched = [names.ScreeningQueue, names.RoutingQueue, names.MailIntakeQueue, names.MailLifecycleQueue, names.DeliveryQueue];
        var counts = await Task.WhenAll(watched.Select(queue => LengthAsync(queue + "-poison", cancellationToken)));
        var data = watched.Zip(counts).ToDictionary(pair => pair.First + "-poison", pair => (object?)pair.Second, StringComparer.Ordinal);
        var waiting = counts.Sum();
        return waiting == 0
            ? new ProbeResult(HealthState.Healthy, "No poison messages.", data)
            : new ProbeResult(HealthState.Degraded, $"{waiting} poison message(s) wait for an operator: GET /api/operations/poison-messages.", data);
    }

    private async Task<int> LengthAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.NotFound)
        {
            // The host creates a poison queue with its first message: none yet.
            return 0;
        }
    }
}
