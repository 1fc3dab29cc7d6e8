namespace OnePointEntry.Enquiries;

/// <summary>The e-mail an enquiry came from.</summary>
/// <param name="MessageKey">The Internet Message-ID, or a hash of the content when the mail has none: one enquiry per key.</param>
/// <param name="MailboxMessageId">The message's id in the shared mailbox; null for mail posted raw by a relay.</param>
/// <param name="Subject">The mail's subject, for the reply.</param>
public sealed record MailOrigin(string MessageKey, string? MailboxMessageId, string? Subject);
