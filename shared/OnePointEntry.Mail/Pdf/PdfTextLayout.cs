using System.Text;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// Joins a page's glyphs into text in the order the content draws them: a new line where the baseline moves by most
/// of a line's height, a space where the gap to the previous glyph is about a space wide.
/// </summary>
/// <remarks>
/// A PDF has no words or lines, only glyphs placed on the page; many writers draw no space glyph between words and no
/// line ends at all. Content order keeps a programme's rows as they were typed ("14 May 2026  Visit to ..."): writers
/// draw a row left to right before the next one. The thresholds are those of PdfPig's ContentOrderTextExtractor
/// (a line when the baseline moves more than 0.9 of the smaller point size, a space when the gap is more than
/// 0.22 of it), which reads its own test documents well.
/// </remarks>
internal static class PdfTextLayout
{
    private const double NewLineShare = 0.9;
    private const double SpaceShare = 0.22;

    public static string Join(IReadOnlyList<PdfGlyph> glyphs)
    {
        var text = new StringBuilder();
        PdfGlyph? previous = null;
        foreach (var glyph in glyphs)
        {
            if (string.IsNullOrEmpty(glyph.Value))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(glyph.Value))
            {
                // A drawn space (or tab) is a space, once; at a line's start it is nothing.
                if (text.Length > 0 && text[^1] is not ' ' and not '\n')
                {
                    text.Append(' ');
                }

                continue;
            }

            if (previous is { } before)
            {
                var size = Math.Min(before.PointSize, glyph.PointSize);
                if (Math.Abs(before.BaselineY - glyph.BaselineY) > size * NewLineShare)
                {
                    if (text[^1] == ' ')
                    {
                        text.Length--;
                    }

                    text.Append('\n');
                }
                else if (text[^1] != ' ' && glyph.StartX - before.EndX > before.PointSize * SpaceShare)
                {
                    text.Append(' ');
                }
            }

            text.Append(glyph.Value);
            previous = glyph;
        }

        return text.ToString();
    }
}
