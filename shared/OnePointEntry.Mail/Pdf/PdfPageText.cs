namespace OnePointEntry.Mail.Pdf;

/// <summary>The text read from one page, in the order its content draws it, lines as lines.</summary>
internal sealed record PdfPageText(string Text);
