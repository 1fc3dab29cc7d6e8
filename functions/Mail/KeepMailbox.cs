using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Mail;

namespace OnePointEntry.Functions.Mail;

/// <summary>Every 15 minutes: the mailbox subscription kept alive, and mail whose notification never came taken in.</summary>
public sealed class KeepMailbox(MailboxKeeper keeper)
{
    [Function(nameof(KeepMailbox))]
    public Task Run([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        keeper.KeepAsync(cancellationToken);
}
