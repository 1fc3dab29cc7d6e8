using Azure.Storage.Queues;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The mail queues; messages are small JSON objects, Base64-encoded by the client as the host expects.</summary>
public sealed class StorageMailQueue : IMailQueue
{
    private readonly QueueClient _intake;
    private readonly QueueClient _lifecycle;
    private readonly CreateOnce _created;

    public StorageMailQueue(QueueServiceClient queues, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(names);
        _intake = queues.GetQueueClient(names.MailIntakeQueue);
        _lifecycle = queues.GetQueueClient(names.MailLifecycleQueue);
        _created = new CreateOnce(async cancellationToken =>
        {
            await _intake.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await _lifecycle.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        });
    }

    public async Task SendMessageAsync(string mailboxMessageId, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _intake.SendMessageAsync(MailQueueMessages.ForMessage(mailboxMessageId), cancellationToken);
    }

    public async Task SendMessageAgainAsync(string mailboxMessageId, int tries, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _intake.SendMessageAsync(MailQueueMessages.ForMessageAgain(mailboxMessageId, tries), QueueDelay.VisibilityOf(delay), timeToLive: null, cancellationToken);
    }

    public async Task SendLifecycleEventAsync(string lifecycleEvent, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        await _lifecycle.SendMessageAsync(MailQueueMessages.ForLifecycleEvent(lifecycleEvent), cancellationToken);
    }
}
