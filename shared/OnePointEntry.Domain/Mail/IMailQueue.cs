namespace OnePointEntry.Mail;

/// <summary>The queues between receiving word of a mail and reading it, so notifications are answered fast.</summary>
public interface IMailQueue
{
    /// <summary>Queues a message of the shared mailbox to be taken in.</summary>
    Task SendMessageAsync(string mailboxMessageId, CancellationToken cancellationToken);

    /// <summary>Queues a message again after <paramref name="tries"/> failed tries, not to be taken up before <paramref name="delay"/>.</summary>
    Task SendMessageAgainAsync(string mailboxMessageId, int tries, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Queues a subscription lifecycle event (reauthorizationRequired, subscriptionRemoved, missed).</summary>
    Task SendLifecycleEventAsync(string lifecycleEvent, CancellationToken cancellationToken);
}
