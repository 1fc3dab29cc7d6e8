using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// The enquiry's version as a strong HTTP entity tag (storage's own tokens are weak tags, which <c>If-Match</c>
/// may not compare), and back.
/// </summary>
public static class EnquiryETag
{
    public static string Of(string version) => $"\"{EnquiryVersionTag.Of(version)}\"";

    /// <summary>The version tag an <c>If-Match</c> header names; null when it names none, several, or <c>*</c>.</summary>
    public static string? TagOf(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        return value is { Length: > 2 } && value[0] == '"' && value[^1] == '"' && !value.Contains(',', StringComparison.Ordinal)
            ? value[1..^1]
            : null;
    }
}
