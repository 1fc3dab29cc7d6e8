namespace Microsoft365StandIn.Mail;

/// <summary>
/// A message in the shared mailbox: its MIME as delivered or sent, and what was read from it once with MimeKit.
/// <see cref="Id"/> is the regular id, which changes when the message is moved (as in Exchange);
/// <see cref="ImmutableId"/> never changes.
/// </summary>
internal sealed class MailMessage
{
    public required string Id { get; set; }

    public required string ImmutableId { get; init; }

    public required string FolderId { get; set; }

    public required byte[] Mime { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public required string ConversationId { get; init; }

    public required string InternetMessageId { get; init; }

    public string Subject { get; init; } = "";

    public MailAddress? From { get; init; }

    public List<MailAddress> To { get; init; } = [];

    public List<MailAddress> Cc { get; init; } = [];

    public List<MailAddress> ReplyTo { get; init; } = [];

    public List<string> References { get; init; } = [];

    public string Text { get; init; } = "";

    public string? Html { get; init; }

    public List<MailHeader> Headers { get; init; } = [];

    public List<MailAttachment> Attachments { get; init; } = [];

    public bool IsRead { get; set; }

    /// <summary>A draft in Drafts, made by <c>POST messages</c> or <c>createReply</c>, until it is sent.</summary>
    public bool IsDraft { get; init; }

    /// <summary>A draft's Graph message JSON (recipients, subject, body, headers, attachments), changed by PATCH and sent as it is.</summary>
    public string? DraftJson { get; init; }

    /// <summary>For a reply draft, the immutable id of the message it answers.</summary>
    public string? DraftAnswers { get; init; }

    public int Version { get; set; } = 1;
}
