namespace Microsoft365StandIn.Mail;

/// <summary>A file attachment of a message, inline (referenced by <see cref="ContentId"/>) or not; bytes in base64.</summary>
internal sealed record MailAttachment(string Id, string Name, string ContentType, string? ContentId, bool IsInline, string ContentBytes, int Size);
