namespace OnePointEntry.Mail.Pdf;

/// <summary>One glyph drawn on a page: its text and where its baseline starts and ends, in page space.</summary>
internal readonly record struct PdfGlyph(string Value, double StartX, double EndX, double BaselineY, double PointSize);
