namespace OnePointEntry.Mail.Originals;

/// <param name="Size">The decoded size in bytes, where it could be measured.</param>
public sealed record OriginalAttachment(string FileName, string ContentType, long? Size);
