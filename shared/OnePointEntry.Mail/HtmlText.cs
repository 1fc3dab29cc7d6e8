using System.Text;
using MimeKit.Text;

namespace OnePointEntry.Mail;

/// <summary>
/// Turns an HTML mail body into readable plain text with MimeKit's HTML tokenizer: block elements and
/// &lt;br&gt; become line breaks, entities are decoded, style, script and head are dropped.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<HtmlTagId> s_blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.Br, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3,
        HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.BlockQuote,
        HtmlTagId.HR, HtmlTagId.Pre, HtmlTagId.Body,
    ];

    private static readonly HashSet<HtmlTagId> s_hidden = [HtmlTagId.Style, HtmlTagId.Script, HtmlTagId.Head, HtmlTagId.Title];

    public static string Convert(string html)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        var text = new StringBuilder(html.Length / 2);
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when s_hidden.Contains(tag.Id):
                    if (!tag.IsEmptyElement)
                    {
                        hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                    }

                    break;
                case HtmlTagToken tag when s_blocks.Contains(tag.Id):
                    if (tag.Id == HtmlTagId.Br || tag.IsEndTag || tag.Id is HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR)
                    {
                        text.Append('\n');
                    }

                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.TD && !tag.IsEndTag:
                    text.Append(' ');
                    break;
                case HtmlDataToken data when hidden == 0 && token.Kind == HtmlTokenKind.Data:
                    text.Append(Collapse(data.Data));
                    break;
                default:
                    break;
            }
        }

        return text.ToString();
    }

    // Whitespace in HTML text is one space; line breaks come from the markup.
    private static string Collapse(string data)
    {
        var builder = new StringBuilder(data.Length);
        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }
            else if (space && builder.Length == 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        if (space)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
