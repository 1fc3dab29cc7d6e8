using Azure.Storage.Queues;
using OnePointEntry.Enquiries;
using OnePointEntry.Routing;
using OnePointEntry.Screening;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The routing queue; the same <c>{"reference": ...}</c> message as screening, Base64-encoded by the client.</summary>
public sealed class StorageRoutingQueue : IRoutingQueue
{
    private readonly QueueClient _queue;
    private readonly CreateOnce _created;

    public StorageRoutingQueue(QueueServiceClient queues, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        _queue = queues.GetQueueClient(names.RoutingQueue);
        _created = new CreateOnce(cancellationToken => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task SendAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _queue.SendMessageAsync(ScreeningMessage.Create(reference), cancellationToken);
    }
}
