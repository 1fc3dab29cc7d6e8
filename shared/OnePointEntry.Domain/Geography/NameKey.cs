using System.Globalization;
using System.Text;

namespace OnePointEntry.Geography;

/// <summary>
/// Folds a place name for lookup: Unicode-normalised, case-insensitive, whitespace collapsed, full stops
/// and a leading "the" dropped, so "The Netherlands", "netherlands" and "U.S." find their entries.
/// </summary>
internal static class NameKey
{
    public static string Of(string name)
    {
        var normalised = name.Normalize(NormalizationForm.FormKC).Trim();
        var builder = new StringBuilder(normalised.Length);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            if (c == '.')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        var key = builder.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
