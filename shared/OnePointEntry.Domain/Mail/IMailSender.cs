namespace OnePointEntry.Mail;

/// <summary>
/// The one way out for mail that is not a reply in a mailbox conversation: acknowledgements to relayed
/// mail, statistics reports, notifications. Adapters: Microsoft Graph (from the shared mailbox) and Azure
/// Communication Services Email (from a no-reply domain).
/// </summary>
public interface IMailSender
{
    /// <summary>
    /// Sends the mail once, however often it is called with the same <paramref name="progress"/>: an adapter keeps
    /// what it needs to tell whether an earlier call got the mail out (a draft's id) in the progress, or uses its
    /// delivery key as the service's own idempotency key.
    /// </summary>
    Task SendAsync(OutgoingMail mail, Deliveries.IDeliveryProgress progress, CancellationToken cancellationToken);
}
