using System.Buffers;

namespace OnePointEntry.Extraction;

/// <summary>
/// The sentences of a text, found once: where each sentence stop stands, so that the sentence of any
/// position is a binary search rather than a scan back and forth through the text (which made extraction
/// quadratic in a long text with many cue words).
/// </summary>
internal sealed class Sentences
{
    private static readonly SearchValues<char> s_stops = SearchValues.Create(".!?。！？；\n");

    private readonly List<int> _stops = [];
    private readonly int _length;

    public Sentences(string text)
    {
        _length = text.Length;
        var rest = text.AsSpan();
        var offset = 0;
        for (var i = rest.IndexOfAny(s_stops); i >= 0; i = rest.IndexOfAny(s_stops))
        {
            _stops.Add(offset + i);
            offset += i + 1;
            rest = rest[(i + 1)..];
        }
    }

    /// <summary>The number of the sentence <paramref name="index"/> stands in: how many stops come before it.</summary>
    public int NumberOf(int index)
    {
        var found = _stops.BinarySearch(index);
        return found >= 0 ? found : ~found;
    }

    /// <summary>
    /// The number of the sentence a phrase starting at <paramref name="index"/> belongs to, or -1 when it
    /// starts on a stop (it is then in no sentence's span: the span ends before its stop).
    /// </summary>
    public int NumberOfStart(int index) => _stops.BinarySearch(index) >= 0 ? -1 : NumberOf(index);

    /// <summary>The span of the sentence <paramref name="index"/> stands in, without its stop.</summary>
    public (int Start, int End) Of(int index)
    {
        var number = NumberOf(index);
        return (number > 0 ? _stops[number - 1] + 1 : 0, number < _stops.Count ? _stops[number] : _length);
    }
}

/// <summary>Lookups in the sorted, non-overlapping matches of a <see cref="PhraseScanner{T}"/>.</summary>
internal static class PhraseMatches
{
    /// <summary>The index of the last match ending at or before <paramref name="position"/>, or -1.</summary>
    public static int LastEndingBy<T>(List<PhraseMatch<T>> matches, int position)
    {
        int low = 0, high = matches.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (matches[middle].End <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>The index of the last match starting at or before <paramref name="position"/>, or -1.</summary>
    public static int LastStartingBy<T>(List<PhraseMatch<T>> matches, int position)
    {
        int low = 0, high = matches.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (matches[middle].Start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
