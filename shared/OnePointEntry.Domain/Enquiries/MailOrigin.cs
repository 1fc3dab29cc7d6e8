using System.Security.Cryptography;
using System.Text;

namespace OnePointEntry.Enquiries;

/// <summary>The e-mail an enquiry came from.</summary>
/// <param name="MessageKey">The Internet Message-ID, or a hash of the content when the mail has none: one enquiry per key.</param>
/// <param name="MailboxMessageId">The message's id in the shared mailbox; null for mail posted raw by a relay.</param>
/// <param name="Subject">The mail's subject, for the reply.</param>
public sealed record MailOrigin(string MessageKey, string? MailboxMessageId, string? Subject)
{
    /// <summary>
    /// The name under which the whole mail, exactly as received, is kept (Blob Storage's <c>mail-originals</c>
    /// container). Follows from the message key alone, so the mail's reader stores the original before the
    /// enquiry exists and every later delivery of the same mail finds it under the same name.
    /// </summary>
    public string OriginalName => OriginalNameOf(MessageKey);

    public static string OriginalNameOf(string messageKey)
    {
        ArgumentNullException.ThrowIfNull(messageKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey))) + ".eml";
    }
}
