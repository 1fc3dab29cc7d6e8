using System.Text;

namespace OnePointEntry.Extraction;

/// <summary>
/// The words around a value, as staff see them beside it: the sentence it stands in, on one line, cut to
/// <see cref="FieldEvidence.MaxQuoteLength"/> characters with the value kept in view.
/// </summary>
internal static class EvidenceQuote
{
    private const int Reach = 120;

    public static string Around(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var from = start;
        while (from > 0 && start - from < Reach && !IsStop(text, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < text.Length && to - end < Reach && !IsStop(text, to))
        {
            to++;
        }

        if (to < text.Length && text[to] is '.' or '!' or '?' or '。' or '！' or '？')
        {
            to++;
        }

        var line = OneLine(text.AsSpan(from, to - from));
        var max = FieldEvidence.MaxQuoteLength;
        if (line.Length <= max)
        {
            return line;
        }

        // Keep the value in view: as much before it as fits, centred when the sentence is long on both sides.
        var valueAt = Math.Min(OneLine(text.AsSpan(from, start - from)).Length, line.Length);
        var begin = Math.Clamp(valueAt - (max / 3), 0, line.Length - max + 1);
        var cut = line.Substring(begin, max - 1);
        return begin > 0 ? "…" + cut[1..] + "…" : cut + "…";
    }

    // A full stop ends a sentence only after a word and before a space: "13.-15. maj" and "3.5 m" go on.
    private static bool IsStop(string text, int i) => text[i] switch
    {
        '\n' or '!' or '?' or '。' or '！' or '？' or '；' => true,
        '.' => (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && i > 0 && !char.IsDigit(text[i - 1]),
        _ => false,
    };

    private static string OneLine(ReadOnlySpan<char> span)
    {
        var builder = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
