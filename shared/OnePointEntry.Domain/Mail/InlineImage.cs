namespace OnePointEntry.Mail;

/// <summary>An image shown inside an HTML mail, e.g. the statistics chart.</summary>
public sealed record InlineImage(string ContentId, string ContentType, ReadOnlyMemory<byte> Content);
