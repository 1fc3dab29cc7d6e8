namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// The mail as it came, for reading beside the facts: its text (HTML mail made safe, or as text), what was attached,
/// and the forwarding chain from the first sender to the shared mailbox.
/// </summary>
/// <param name="Text">The message as plain text, always there (from the text part, else from the HTML).</param>
/// <param name="SafeHtml">The HTML part with everything active removed (scripts, styles, remote images, forms), or null.</param>
/// <param name="Forwarded">Each message quoted in the mail, the outermost forward first.</param>
/// <param name="Truncated">Whether the mail was longer than the page reads and the text stops short.</param>
public sealed record OriginalMailView(
    string? From,
    string? Subject,
    DateTimeOffset? Date,
    string Text,
    string? SafeHtml,
    IReadOnlyList<OriginalAttachmentView> Attachments,
    IReadOnlyList<ForwardedMessageView> Forwarded,
    bool Truncated);
