using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Page;

/// <summary>
/// The Markdown subset Teams renders in a TextBlock and in FactSet titles and values: <c>**bold**</c>,
/// <c>_italic_</c> (and <c>*italic*</c>), links <c>[text](url)</c>, bare web addresses, bulleted and numbered
/// lists, and backslash escapes (what the app's cards use to show a sender's text as typed). Everything else is
/// text: the output is built from encoded text and the page's own tags only, and a link is kept only when it is
/// http, https or mailto.
/// </summary>
internal static partial class AdaptiveCardMarkdown
{
    /// <summary>Emphasis nested deeper than this is shown as typed; it keeps a hostile card from recursing far.</summary>
    private const int MaxNesting = 8;

    /// <summary>How far a closing marker is looked for, so that text full of lone markers costs little to show.</summary>
    private const int MaxEmphasisLength = 4_000;

    /// <summary>Paragraphs and lists, for a TextBlock.</summary>
    public static void AppendBlock(StringBuilder html, string text)
    {
        string? openList = null;
        var paragraph = new List<string>();
        foreach (var line in Lines(text))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                FlushParagraph(html, paragraph);
                CloseList(html, ref openList);
                continue;
            }

            var bullet = BulletItem().Match(line);
            var numbered = bullet.Success ? Match.Empty : NumberedItem().Match(line);
            if (bullet.Success || numbered.Success)
            {
                FlushParagraph(html, paragraph);
                var kind = bullet.Success ? "ul" : "ol";
                if (openList != kind)
                {
                    CloseList(html, ref openList);
                    openList = kind;
                    html.Append('<').Append(kind);
                    if (numbered.Success && int.TryParse(numbered.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start != 1)
                    {
                        html.Append(" start=\"").Append(start.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    html.Append('>');
                }

                html.Append("<li>");
                AppendInline(html, (bullet.Success ? bullet : numbered).Groups["text"].Value);
                html.Append("</li>");
                continue;
            }

            CloseList(html, ref openList);
            paragraph.Add(line);
        }

        FlushParagraph(html, paragraph);
        CloseList(html, ref openList);
    }

    /// <summary>Emphasis and links with line breaks kept, for a fact or a short label.</summary>
    public static void AppendInline(StringBuilder html, string text)
    {
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                html.Append("<br>");
            }

            Inline(html, lines[i], 0, lines[i].Length, 0, inLink: false);
        }
    }

    private static List<string> Lines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r')];

    private static void FlushParagraph(StringBuilder html, List<string> paragraph)
    {
        if (paragraph.Count == 0)
        {
            return;
        }

        html.Append("<p>");
        AppendInline(html, string.Join('\n', paragraph));
        html.Append("</p>");
        paragraph.Clear();
    }

    private static void CloseList(StringBuilder html, ref string? openList)
    {
        if (openList is not null)
        {
            html.Append("</").Append(openList).Append('>');
            openList = null;
        }
    }

    private static void Inline(StringBuilder html, string text, int start, int end, int depth, bool inLink)
    {
        var plainFrom = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1]))
            {
                html.AppendEncoded(text[plainFrom..i]).AppendEncoded(text[(i + 1)..(i + 2)]);
                i += 2;
                plainFrom = i;
            }
            else if (c is '*' or '_' && depth < MaxNesting && FindEmphasis(text, i, end) is { } emphasis)
            {
                html.AppendEncoded(text[plainFrom..i]).Append(emphasis.Strong ? "<strong>" : "<em>");
                Inline(html, text, emphasis.InnerStart, emphasis.InnerEnd, depth + 1, inLink);
                html.Append(emphasis.Strong ? "</strong>" : "</em>");
                i = emphasis.Next;
                plainFrom = i;
            }
            else if (c == '[' && !inLink && depth < MaxNesting && FindLink(text, i, end) is { } link)
            {
                html.AppendEncoded(text[plainFrom..i]);
                var target = HtmlText.SafeLink(Unescape(text[link.UrlStart..link.UrlEnd]));
                if (target is not null)
                {
                    html.Append("<a href=\"").AppendEncoded(target).Append("\">");
                }

                Inline(html, text, link.TextStart, link.TextEnd, depth + 1, inLink: true);
                if (target is not null)
                {
                    html.Append("</a>");
                }

                i = link.Next;
                plainFrom = i;
            }
            else if (c is 'h' or 'H' && !inLink && FindBareLink(text, i, end) is var bareEnd && bareEnd > i
                && HtmlText.SafeLink(text[i..bareEnd]) is { } bare)
            {
                html.AppendEncoded(text[plainFrom..i]).Append("<a href=\"").AppendEncoded(bare).Append("\">").AppendEncoded(text[i..bareEnd]).Append("</a>");
                i = bareEnd;
                plainFrom = i;
            }
            else
            {
                i++;
            }
        }

        html.AppendEncoded(text[plainFrom..end]);
    }

    /// <summary>
    /// <c>**strong**</c>, <c>__strong__</c>, <c>*em*</c> or <c>_em_</c> opening at <paramref name="at"/>: the opener
    /// is followed by a non-space, the closer preceded by one, and an underscore neither opens nor closes inside a
    /// word (snake_case stays as typed).
    /// </summary>
    private static Emphasis? FindEmphasis(string text, int at, int end)
    {
        var marker = text[at];
        var width = at + 1 < end && text[at + 1] == marker ? 2 : 1;
        var innerStart = at + width;
        if (innerStart >= end || char.IsWhiteSpace(text[innerStart]) || text[innerStart] == marker)
        {
            return null;
        }

        if (marker == '_' && at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return null;
        }

        var searchEnd = Math.Min(end, innerStart + MaxEmphasisLength);
        for (var j = innerStart + 1; j < searchEnd; j++)
        {
            if (text[j] == '\\')
            {
                j++;
                continue;
            }

            if (text[j] != marker)
            {
                continue;
            }

            var runEnd = j;
            while (runEnd < end && text[runEnd] == marker)
            {
                runEnd++;
            }

            var run = runEnd - j;
            var closes = !char.IsWhiteSpace(text[j - 1])
                && (width == 1 ? run == 1 : run >= 2)
                && !(marker == '_' && runEnd < end && char.IsLetterOrDigit(text[runEnd]));
            if (closes)
            {
                // "**a***": the last two markers close, the one before them is text.
                return new Emphasis(width == 2, innerStart, runEnd - width, runEnd);
            }

            j = runEnd - 1;
        }

        return null;
    }

    /// <summary><c>[text](url)</c> opening at <paramref name="at"/>, with escaped brackets skipped.</summary>
    private static LinkSpan? FindLink(string text, int at, int end)
    {
        var close = -1;
        for (var j = at + 1; j < end; j++)
        {
            if (text[j] == '\\')
            {
                j++;
            }
            else if (text[j] == '[')
            {
                return null;
            }
            else if (text[j] == ']')
            {
                close = j;
                break;
            }
        }

        if (close < 0 || close + 1 >= end || text[close + 1] != '(')
        {
            return null;
        }

        // Balanced parentheses belong to the address, as in CommonMark: [x](https://a.example/b_(c)).
        var depth = 0;
        for (var j = close + 2; j < end; j++)
        {
            if (text[j] == '\\')
            {
                j++;
            }
            else if (text[j] == '(')
            {
                depth++;
            }
            else if (text[j] == ')' && depth > 0)
            {
                depth--;
            }
            else if (text[j] == ')')
            {
                return new LinkSpan(at + 1, close, close + 2, j, j + 1);
            }
            else if (char.IsWhiteSpace(text[j]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The end of a bare http(s) address starting at <paramref name="at"/> (Teams links those), or <paramref name="at"/>.</summary>
    private static int FindBareLink(string text, int at, int end)
    {
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return at;
        }

        var rest = text.AsSpan(at, end - at);
        if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return at;
        }

        var stop = at;
        while (stop < end && !char.IsWhiteSpace(text[stop]) && text[stop] is not ('<' or '>' or '"' or '\\' or '[' or ']'))
        {
            stop++;
        }

        // A sentence's full stop or a closing bracket after an address is not part of it.
        while (stop > at && text[stop - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '*' or '_')
        {
            stop--;
        }

        return stop;
    }

    private static string Unescape(string text) => EscapedPunctuation().Replace(text, "$1");

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    [GeneratedRegex(@"^ {0,3}[-*+][ \t]+(?<text>.*)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^ {0,3}(?<number>[0-9]{1,9})[.)][ \t]+(?<text>.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex EscapedPunctuation();

    private sealed record Emphasis(bool Strong, int InnerStart, int InnerEnd, int Next);

    private sealed record LinkSpan(int TextStart, int TextEnd, int UrlStart, int UrlEnd, int Next);
}
