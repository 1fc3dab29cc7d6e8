using System.Net;
using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Mail;

/// <summary>Plain text from an HTML body, best effort: for body previews and the state's <c>text</c>, never for display as HTML.</summary>
internal static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = Hidden().Replace(html, "");
        text = LineBreaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ");
        text = BlankLines().Replace(text, "\n\n");
        return string.Join('\n', text.Split('\n').Select(line => line.Trim())).Trim();
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h[1-6]|table)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
