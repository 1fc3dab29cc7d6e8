namespace OnePointEntry.Extraction;

/// <summary>A text file attached to the mail (a wish list, a programme): read for themes, not for the enquiry's language.</summary>
public sealed record TextAttachment(string FileName, string Text);
