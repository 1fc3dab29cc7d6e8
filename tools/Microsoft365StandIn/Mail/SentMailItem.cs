namespace Microsoft365StandIn;

/// <summary>
/// A mail the shared mailbox sent (<c>sendMail</c> or <c>reply</c>), as its recipients got it. <see cref="Headers"/>
/// holds the custom <c>internetMessageHeaders</c> and, for a reply, <c>In-Reply-To</c> and <c>References</c>.
/// <see cref="Id"/> is the regular id of its copy in Sent Items, <see cref="InReplyToMessageId"/> the immutable id
/// of the message answered.
/// </summary>
public sealed record SentMailItem(
    string Id,
    string Kind,
    DateTimeOffset SentAt,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<InlineImage> InlineImages,
    string? InReplyToMessageId,
    string InternetMessageId);
