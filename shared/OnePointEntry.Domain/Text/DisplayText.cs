using System.Text;

namespace OnePointEntry.Text;

/// <summary>
/// Text from outside (a mail's subject, a sender's name, an organisation) made fit for where the app shows it:
/// mail subjects, calendar subjects, Planner titles, Teams cards and briefs. Whatever the input, the result has
/// no control, invisible or direction-changing characters and no more than the given length; a single line has
/// no line breaks at all. HTML and Markdown escaping stay with whoever renders it.
/// </summary>
public static class DisplayText
{
    /// <summary>The mark put where a text was cut.</summary>
    public const string CutMark = "…";

    /// <summary>One line: every run of white space, line breaks and refused characters becomes one space.</summary>
    public static string SingleLine(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = new StringBuilder(Math.Min(text.Length, maxLength + 2));
        var space = false;
        foreach (var rune in Runes(text))
        {
            if (Rune.IsWhiteSpace(rune) || InputText.IsRefused(rune.Value, TextKind.SingleLine))
            {
                space = line.Length > 0;
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(rune.ToString());
            if (line.Length > maxLength + 1)
            {
                break;
            }
        }

        return Bound(line.ToString(), maxLength);
    }

    /// <summary>Lines of text: line breaks and tabs kept (as \n), other refused characters dropped.</summary>
    public static string MultiLine(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(Math.Min(text.Length, maxLength + 2));
        foreach (var rune in Runes(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var value = rune.Value == '\r' ? new Rune('\n') : rune;
            if (InputText.IsRefused(value.Value, TextKind.MultiLine))
            {
                continue;
            }

            result.Append(value.ToString());
            if (result.Length > maxLength + 1)
            {
                break;
            }
        }

        return Bound(result.ToString().Trim(), maxLength);
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> characters (UTF-16 code units): a longer text is cut and ends with
    /// <see cref="CutMark"/>, never in the middle of a surrogate pair.
    /// </summary>
    public static string Bound(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, CutMark.Length + 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - CutMark.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep).TrimEnd(), CutMark);
    }

    // A lone surrogate is read as U+FFFD rather than failing: display text must come out of anything.
    private static IEnumerable<Rune> Runes(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            yield return rune;
            index += consumed;
        }
    }
}
