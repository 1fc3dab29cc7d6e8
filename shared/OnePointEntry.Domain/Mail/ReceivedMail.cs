using OnePointEntry.Extraction;

namespace OnePointEntry.Mail;

/// <summary>An e-mail as it reaches intake: read, or with the reason it could not be read.</summary>
/// <param name="MessageKey">The Internet Message-ID, or a hash of the raw content when there is none or the mail is unreadable.</param>
/// <param name="MailboxMessageId">Its id in the shared mailbox; null for raw mail posted by a relay.</param>
/// <param name="Content">The readable content; null when the mail could not be parsed.</param>
/// <param name="ParseError">Why it could not be parsed.</param>
public sealed record ReceivedMail(string MessageKey, string? MailboxMessageId, MailContent? Content, string? ParseError = null);
