using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Infrastructure.Mail;
using OnePointEntry.Mail;
using OnePointEntry.Queues;

namespace OnePointEntry.Functions.Mail;

/// <summary>Takes in each mailbox message queued by a notification or the inbox catch-up, waiting out Graph's outages.</summary>
public sealed class TakeInMail(MailReader reader)
{
    [Function(nameof(TakeInMail))]
    public Task Run([QueueTrigger(QueueNames.MailIntake)] string message, CancellationToken cancellationToken) =>
        reader.TakeInQueuedAsync(message, cancellationToken);
}
