using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Images as <c>data:</c> URIs, the only images the page's policy lets it show: a picture type a browser shows
/// in an <c>img</c> (where SVG runs no script) and base64 content, checked so that nothing else can reach the
/// attribute.
/// </summary>
internal static partial class DataImage
{
    /// <summary>The URI for an inline image's content type and base64 bytes, or null when either is not an image's.</summary>
    public static string? Of(string? contentType, string? base64)
    {
        var type = contentType?.Trim().ToLowerInvariant();
        if (type is null || !ImageType().IsMatch(type) || base64 is null)
        {
            return null;
        }

        var bytes = WhiteSpace().Replace(base64, string.Empty);
        return bytes.Length > 0 && Base64().IsMatch(bytes) ? "data:" + type + ";base64," + bytes : null;
    }

    /// <summary>A <c>data:image/…;base64,…</c> URI from a card or a mail as it may be shown, or null.</summary>
    public static string? From(string? uri)
    {
        var match = uri is null ? Match.Empty : DataUri().Match(uri.Trim());
        return match.Success ? Of(match.Groups["type"].Value, match.Groups["bytes"].Value) : null;
    }

    [GeneratedRegex(@"^image/(png|jpeg|jpg|gif|webp|bmp|svg\+xml)$")]
    private static partial Regex ImageType();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^data:(?<type>[a-zA-Z0-9.+/-]+)(?:;[a-zA-Z0-9=._-]+)*;base64,(?<bytes>[A-Za-z0-9+/=\s]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DataUri();
}
