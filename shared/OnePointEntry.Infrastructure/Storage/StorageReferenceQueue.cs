using Azure.Storage.Queues;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// A queue of enquiry references (<c>{"reference": ...}</c>), Base64-encoded by the queue service client as
/// the Functions host expects: a plain-text message would go straight to the poison queue in Azure.
/// </summary>
public abstract class StorageReferenceQueue
{
    private readonly QueueClient _queue;
    private readonly CreateOnce _created;

    protected StorageReferenceQueue(QueueServiceClient queues, string queueName)
    {
        ArgumentNullException.ThrowIfNull(queues);
        _queue = queues.GetQueueClient(queueName);
        _created = new CreateOnce(cancellationToken => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task SendAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _queue.SendMessageAsync(ReferenceMessage.Create(reference), cancellationToken);
    }
}
