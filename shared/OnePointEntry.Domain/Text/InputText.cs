using System.Globalization;
using System.Text;

namespace OnePointEntry.Text;

/// <summary>
/// The characters people's input may hold. Single-line fields end up in mail headers, calendar subjects, table
/// queries and CSV exports, where a line break, a NUL or an invisible or direction-changing character either
/// breaks the format or makes a text read differently from what it is (an address with a zero-width space is
/// not the address it shows). Multi-line text keeps its line breaks and tabs, and the joiners and marks real
/// writing uses, but never control characters or the overrides that reorder what a reader sees.
/// </summary>
public static class InputText
{
    /// <summary>
    /// The first character <paramref name="text"/> may not hold as <paramref name="kind"/> text, written as
    /// <c>U+XXXX</c>; null when every character is allowed. A lone surrogate (half of a pair, which no UTF-8
    /// can carry but a JSON escape can) is never allowed.
    /// </summary>
    public static string? FindRefused(string text, TextKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if (IsRefused(scalar, kind))
                {
                    return Name(scalar);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsRefused(c, kind))
            {
                return Name(c);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="scalar"/> is refused in <paramref name="kind"/> text.</summary>
    public static bool IsRefused(int scalar, TextKind kind)
    {
        if (kind == TextKind.MultiLine && scalar is '\n' or '\r' or '\t')
        {
            return false;
        }

        if (IsDirectionOverride(scalar) || IsNoncharacter(scalar))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(scalar);
        return category switch
        {
            UnicodeCategory.Control => true,
            UnicodeCategory.Surrogate => true,
            // Zero-width spaces and joiners, LRM/RLM, the byte-order mark, soft hyphens, invisible operators.
            UnicodeCategory.Format => kind == TextKind.SingleLine,
            // U+2028 and U+2029 break lines as surely as LF does.
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => kind == TextKind.SingleLine,
            _ => false,
        };
    }

    /// <summary>
    /// The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another
    /// order than it is stored, as in "Trojan Source" attacks. Real right-to-left text needs none of them.
    /// </summary>
    public static bool IsDirectionOverride(int scalar) => scalar is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    /// <summary>NFC, the form people's keyboards mostly produce: "é" as one character, not "e" and an accent.</summary>
    /// <remarks>Call only on text without lone surrogates (<see cref="FindRefused"/> first), which normalisation refuses.</remarks>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    private static string Name(int scalar) => $"U+{scalar:X4}";
}
