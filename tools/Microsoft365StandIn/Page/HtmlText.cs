using System.Text;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Text from the state as HTML: everything the stand-in recorded was written by the app or by whoever sent it
/// mail, so every string is encoded before it reaches the page, and only web and mail links are kept.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Encodes the five characters that matter in text and in quoted attributes, and nothing else, so Danish and
    /// Chinese stay readable in the source. Control characters HTML forbids become U+FFFD.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? encoded = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = Replacement(text[i]);
            if (replacement is null)
            {
                continue;
            }

            encoded ??= new StringBuilder(text.Length + 16);
            encoded.Append(text, copied, i - copied).Append(replacement);
            copied = i + 1;
        }

        return encoded is null ? text : encoded.Append(text, copied, text.Length - copied).ToString();
    }

    public static StringBuilder AppendEncoded(this StringBuilder html, string? text) => html.Append(Encode(text));

    /// <summary>
    /// Opens a box that scrolls sideways when its content (a week, a board, a table) is wider than the screen:
    /// a named region that takes keyboard focus, so it can be scrolled without a mouse.
    /// </summary>
    public static StringBuilder OpenScrollRegion(this StringBuilder html, string label) =>
        html.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").AppendEncoded(label).Append("\">");

    /// <summary>The link when it is an absolute http, https or mailto address; null for anything else (javascript:, data:, relative).</summary>
    public static string? SafeLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto ? uri.AbsoluteUri : null;
    }

    /// <summary>Shortens text for a preview, at a word if one ends near the limit.</summary>
    public static string Preview(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max - 1, Math.Min(max, 40));
        return (cut > 0 ? flat[..cut] : flat[..(max - 1)]) + "…";
    }

    private static string? Replacement(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        '\t' or '\n' or '\r' => null,
        < ' ' or '\u007f' or '\ufffe' or '\uffff' => "\ufffd",
        _ => null,
    };
}
