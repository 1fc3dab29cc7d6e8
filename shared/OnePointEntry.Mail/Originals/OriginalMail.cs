namespace OnePointEntry.Mail.Originals;

/// <summary>A kept mail as staff read it beside the facts: see <see cref="OriginalMailReader"/>.</summary>
/// <param name="Text">The whole readable text (the body, then each attached message), bounded.</param>
/// <param name="SafeHtml">The HTML body with everything active or loading removed, or null when the mail has no HTML.</param>
/// <param name="Forwarded">The messages the mail passes on, outermost first, from attached messages and forward headers in the text.</param>
/// <param name="Truncated">Whether the mail was too large to read whole.</param>
public sealed record OriginalMail(
    string? From,
    string? Subject,
    DateTimeOffset? Date,
    string Text,
    string? SafeHtml,
    IReadOnlyList<OriginalAttachment> Attachments,
    IReadOnlyList<ForwardedMessage> Forwarded,
    bool Truncated);
