using Azure.Storage.Queues;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The delivery queue in Azure Queue Storage; a later attempt waits as the message's initial invisibility.</summary>
public sealed class StorageDeliveryQueue : IDeliveryQueue
{
    private readonly QueueClient _queue;
    private readonly CreateOnce _created;

    public StorageDeliveryQueue(QueueServiceClient queues, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        _queue = queues.GetQueueClient(names.DeliveryQueue);
        _created = new CreateOnce(cancellationToken => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task SendAsync(DeliveryId id, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _queue.SendMessageAsync(DeliveryMessage.Create(id), QueueDelay.VisibilityOf(delay), timeToLive: null, cancellationToken);
    }
}
