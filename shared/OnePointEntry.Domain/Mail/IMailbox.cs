namespace OnePointEntry.Mail;

/// <summary>One-Point Entry's shared mailbox (Microsoft 365, through Microsoft Graph in production).</summary>
public interface IMailbox
{
    /// <summary>The message's full RFC 822 content; null when the message is no longer in the mailbox (deleted).</summary>
    Task<Stream?> OpenMimeAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Files the message into the "Processed" folder, creating the folder when it is missing.</summary>
    Task MoveToProcessedAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// Replies to the message's sender in the same conversation, from the shared mailbox; once, however often it is
    /// called with the same <paramref name="progress"/> (see <see cref="IMailSender.SendAsync"/>).
    /// </summary>
    Task ReplyAsync(string messageId, string htmlBody, Deliveries.IDeliveryProgress progress, CancellationToken cancellationToken);

    /// <summary>
    /// Messages added to the inbox since <paramref name="deltaLink"/> (all current ones when null), and the
    /// link to continue from next time.
    /// </summary>
    Task<MailboxChanges> ReadInboxChangesAsync(string? deltaLink, CancellationToken cancellationToken);

    Task<MailboxSubscription> CreateSubscriptionAsync(MailboxSubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Extends a subscription; null when it no longer exists and must be created again.</summary>
    Task<MailboxSubscription?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
