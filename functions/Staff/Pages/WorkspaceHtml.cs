using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// Writing values into the workspace's pages: every value that comes from storage or a request is HTML-encoded
/// where it is written (Danish and Chinese letters stay as they are, the page is UTF-8); times are shown in
/// Copenhagen's time.
/// </summary>
public static class WorkspaceHtml
{
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? value) => value is null ? string.Empty : s_encoder.Encode(value);

    /// <summary>A moment as <c>&lt;time&gt;</c>, in Copenhagen's time to the minute; empty for none.</summary>
    public static string Time(DateTimeOffset? instant)
    {
        if (instant is not { } value)
        {
            return string.Empty;
        }

        var local = CopenhagenTime.ToCopenhagen(value);
        return $"<time datetime=\"{value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</time>";
    }

    /// <summary>A day as <c>&lt;time&gt;</c>.</summary>
    public static string Day(DateOnly? day) =>
        day is { } value ? $"<time datetime=\"{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\">{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</time>" : string.Empty;
}
