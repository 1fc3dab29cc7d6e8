namespace OnePointEntry.Mail;

/// <summary>A mail to send. Inline images are referenced from the HTML as <c>cid:{ContentId}</c>.</summary>
public sealed record OutgoingMail
{
    public required IReadOnlyList<string> To { get; init; }

    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    /// <summary>Plain-text alternative for clients that do not show HTML.</summary>
    public string? PlainTextBody { get; init; }

    public IReadOnlyList<InlineImage> InlineImages { get; init; } = [];

    /// <summary>
    /// The shared mailbox's message this mail answers, sent as a reply in its conversation (Graph builds the
    /// recipient and subject); null for a new mail to <see cref="To"/>.
    /// </summary>
    public string? InReplyToMessageId { get; init; }
}
