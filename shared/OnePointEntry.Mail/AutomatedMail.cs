using MimeKit;

namespace OnePointEntry.Mail;

/// <summary>
/// Recognises mail that must never be answered, so that acknowledgements cannot start a mail loop:
/// auto-replies and bounces (RFC 3834 Auto-Submitted, a null Return-Path) and list or bulk mail
/// (Precedence, List-Id, List-Unsubscribe).
/// </summary>
public static class AutomatedMail
{
    private static readonly string[] s_bulkPrecedence = ["bulk", "list", "junk", "auto_reply"];

    public static bool IsAutomated(HeaderList headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var autoSubmitted = headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !FirstToken(autoSubmitted).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var precedence = headers[HeaderId.Precedence];
        if (!string.IsNullOrWhiteSpace(precedence) && s_bulkPrecedence.Contains(FirstToken(precedence), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        // List-Unsubscribe marks newsletters and other bulk mail even where no List-Id or Precedence is set.
        if (headers.Contains(HeaderId.ListId) || headers.Contains(HeaderId.ListUnsubscribe) || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond"))
        {
            return true;
        }

        var returnPath = headers[HeaderId.ReturnPath];
        return returnPath is not null && returnPath.Trim() is "<>" or "";
    }

    private static string FirstToken(string value)
    {
        var trimmed = value.Trim();
        var end = trimmed.IndexOfAny([';', ' ', '\t', '(']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
