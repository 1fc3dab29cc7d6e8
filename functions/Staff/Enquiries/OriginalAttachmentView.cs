namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>An attachment of the original mail: listed, never served (it may be anything).</summary>
public sealed record OriginalAttachmentView(string FileName, string ContentType, long? Size);
