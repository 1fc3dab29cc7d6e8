using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Mail;
using OnePointEntry.Queues;

namespace OnePointEntry.Functions.Mail;

/// <summary>Renews, recreates or catches up when Graph reports a subscription lifecycle event.</summary>
public sealed class HandleMailLifecycleEvent(MailboxKeeper keeper)
{
    [Function(nameof(HandleMailLifecycleEvent))]
    public Task Run([QueueTrigger(QueueNames.MailLifecycle)] string message, CancellationToken cancellationToken) =>
        keeper.HandleLifecycleEventAsync(MailQueueMessages.ParseLifecycleEvent(message), cancellationToken);
}
