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
}
