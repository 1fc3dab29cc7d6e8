using System.Net.Mail;

namespace OnePointEntry;

/// <summary>What the product accepts as an e-mail address it can write to.</summary>
public static class EmailAddresses
{
    /// <summary>
    /// A bare address with a dotted domain (<c>name@domain.tld</c>). MailAddress alone also accepts display
    /// names and comments ("Ann &lt;ann@example.org&gt;") and hosts such as <c>localhost</c>.
    /// </summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            return false;
        }

        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}
