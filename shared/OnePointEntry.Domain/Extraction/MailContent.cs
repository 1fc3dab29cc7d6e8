namespace OnePointEntry.Extraction;

/// <summary>
/// An e-mail reduced to what extraction reads: plain text in any charset already decoded, HTML already
/// turned into text, forwarded and attached messages included. Built from MIME by OnePointEntry.Mail;
/// plain C# so the extractor is tested without parsing.
/// </summary>
public sealed record MailContent
{
    /// <summary>The Internet Message-ID without angle brackets; null when the message has none.</summary>
    public string? MessageId { get; init; }

    public string? Subject { get; init; }

    public string? FromAddress { get; init; }

    public string? FromName { get; init; }

    /// <summary>The Date header: dates without a year are their next occurrence after it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The readable text: the body, then each forwarded or attached message in order.</summary>
    public required string Text { get; init; }

    /// <summary>Text files attached to the mail (not attached messages, which are part of <see cref="Text"/>).</summary>
    public IReadOnlyList<TextAttachment> Attachments { get; init; } = [];

    /// <summary>True for auto-replies, bounces and list mail (Auto-Submitted, Precedence, Return-Path &lt;&gt;, List-Id): never answered.</summary>
    public bool IsAutomated { get; init; }
}
