namespace OnePointEntry.Mail;

/// <summary>
/// The one way out for mail that is not a reply in a mailbox conversation: acknowledgements to relayed
/// mail, statistics reports, notifications. Adapters: Microsoft Graph (from the shared mailbox) and Azure
/// Communication Services Email (from a no-reply domain).
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
