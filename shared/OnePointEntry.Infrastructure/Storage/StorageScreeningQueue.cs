using Azure.Storage.Queues;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// The screening queue in Azure Queue Storage. The queue service client encodes messages as Base64, as the
/// Functions host expects: a plain-text message would go straight to the poison queue in Azure.
/// </summary>
public sealed class StorageScreeningQueue : IScreeningQueue
{
    private readonly QueueClient _queue;
    private readonly CreateOnce _created;

    public StorageScreeningQueue(QueueServiceClient queues, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        _queue = queues.GetQueueClient(names.ScreeningQueue);
        _created = new CreateOnce(cancellationToken => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }

    public async Task SendAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _queue.SendMessageAsync(ScreeningMessage.Create(reference), cancellationToken);
    }
}
