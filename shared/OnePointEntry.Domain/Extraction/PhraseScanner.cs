namespace OnePointEntry.Extraction;

/// <summary>A phrase found by <see cref="PhraseScanner{T}"/>: where it is and what it stands for.</summary>
internal readonly record struct PhraseMatch<T>(int Start, int Length, IReadOnlyList<T> Values)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds many phrases in a text in one pass, leftmost-longest and without overlaps, so that a longer name
/// wins over the shorter one inside it ("Inner Mongolia" over "Mongolia", 沿海 over 海地).
/// Latin-script phrases match whole words, case-insensitively; a trailing <c>*</c> lets the word go on
/// (compounds), a leading <c>*</c> lets the phrase start inside a word; Chinese phrases match anywhere.
/// </summary>
internal sealed class PhraseScanner<T>
{
    private readonly Node _root = new();
    // The phrases that may start inside a word (a leading *, or a Chinese, Japanese or Korean end) again on their own:
    // inside a Latin word no other phrase can match, so there the walk needs only these.
    private readonly Node _inner = new();
    private readonly bool _requireCapital;
    private readonly bool _allowGenitive;

    /// <param name="requireCapital">Latin phrases only match where the text writes them with a capital (names).</param>
    /// <param name="allowGenitive">A Latin phrase may be followed by a genitive s ("Kinas", "Changchuns").</param>
    public PhraseScanner(IEnumerable<(string Phrase, T Value)> phrases, bool requireCapital = false, bool allowGenitive = false)
    {
        _requireCapital = requireCapital;
        _allowGenitive = allowGenitive;
        foreach (var (phrase, value) in phrases)
        {
            Add(phrase, value);
        }
    }

    public List<PhraseMatch<T>> Scan(string text)
    {
        var matches = new List<PhraseMatch<T>>();
        var i = 0;
        while (i < text.Length)
        {
            var match = LongestAt(text, i);
            if (match is { } found)
            {
                matches.Add(found);
                i = found.End;
            }
            else
            {
                i++;
            }
        }

        return matches;
    }

    private PhraseMatch<T>? LongestAt(string text, int start)
    {
        var atWordStart = start == 0 || !IsWordChar(text[start - 1]);
        var node = atWordStart || !IsWordChar(text[start]) ? _root : _inner;
        PhraseMatch<T>? best = null;
        for (var j = start; j < text.Length; j++)
        {
            if (!node.Children.TryGetValue(Fold(text[j]), out var next))
            {
                break;
            }

            node = next;
            foreach (var terminal in node.Terminals)
            {
                var end = j + 1;
                if (!Accepts(terminal, text, start, ref end, atWordStart))
                {
                    continue;
                }

                if (best is null || end - start > best.Value.Length)
                {
                    best = new PhraseMatch<T>(start, end - start, terminal.Values);
                }
            }
        }

        return best;
    }

    private bool Accepts(Terminal terminal, string text, int start, ref int end, bool atWordStart)
    {
        if (terminal.Han)
        {
            return true;
        }

        if (!atWordStart && !terminal.InnerStart && IsWordChar(text[start]))
        {
            return false;
        }

        // A letter that has a capital must be written with it; Hangul, kana and other caseless scripts have none.
        if (_requireCapital && char.IsLetter(text[start]) && !char.IsUpper(text[start]) && char.ToUpperInvariant(text[start]) != text[start])
        {
            return false;
        }

        if (terminal.Prefix)
        {
            while (end < text.Length && IsWordChar(text[end]))
            {
                end++;
            }

            return true;
        }

        if (end == text.Length || !IsWordChar(text[end]) || !IsWordChar(text[end - 1]))
        {
            return true;
        }

        if (_allowGenitive && text[end] == 's' && (end + 1 == text.Length || !IsWordChar(text[end + 1])))
        {
            end++;
            return true;
        }

        return false;
    }

    private void Add(string phrase, T value)
    {
        var trimmed = phrase.Trim();
        var innerStart = trimmed.StartsWith('*');
        var prefix = trimmed.EndsWith('*');
        var body = trimmed.Trim('*');
        if (body.Length == 0)
        {
            return;
        }

        var han = TextKind.IsUnspaced(body[0]) || TextKind.IsUnspaced(body[^1]);
        Insert(_root, body, value, prefix, innerStart, han);
        if (innerStart || han)
        {
            Insert(_inner, body, value, prefix, innerStart, han);
        }
    }

    private static void Insert(Node root, string body, T value, bool prefix, bool innerStart, bool han)
    {
        var node = root;
        foreach (var c in body)
        {
            var key = Fold(c);
            if (!node.Children.TryGetValue(key, out var next))
            {
                next = new Node();
                node.Children[key] = next;
            }

            node = next;
        }

        var terminal = node.Terminals.FirstOrDefault(t => t.Prefix == prefix && t.InnerStart == innerStart && t.Han == han);
        if (terminal is null)
        {
            terminal = new Terminal(prefix, innerStart, han);
            node.Terminals.Add(terminal);
        }

        if (!terminal.Values.Contains(value))
        {
            terminal.Values.Add(value);
        }
    }

    private static char Fold(char c) => TextKind.Fold(c);

    private static bool IsWordChar(char c) => TextKind.IsWordChar(c);

    private sealed class Node
    {
        public Dictionary<char, Node> Children { get; } = [];

        public List<Terminal> Terminals { get; } = [];
    }

    private sealed record Terminal(bool Prefix, bool InnerStart, bool Han)
    {
        public List<T> Values { get; } = [];
    }
}

/// <summary>Character classes the extractor needs.</summary>
internal static class TextKind
{
    // Folding and the word test are asked of every character at every start of a phrase scan: they are looked up
    // for every UTF-16 unit (192 KB, built once), in a class that is not generic (a static table of the generic
    // scanner costs a look-up of its own). Outside ASCII, char.ToLowerInvariant asks ICU a character at a time.
    private static readonly char[] s_fold = BuildTable(FoldAny);
    private static readonly bool[] s_word = BuildTable(IsAnyWordChar);

    /// <summary>A character as phrases are matched: any space as ' ', dashes as '-', lower case.</summary>
    public static char Fold(char c) => s_fold[c];

    /// <summary>A letter or digit of a script written with spaces between words.</summary>
    public static bool IsWordChar(char c) => s_word[c];

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public static int CountHan(string text) => text.Count(IsHan);

    /// <summary>Japanese hiragana and katakana (full and half width).</summary>
    public static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F';

    /// <summary>Korean hangul syllables and letters.</summary>
    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';

    /// <summary>Thai letters, vowel signs, tone marks and digits.</summary>
    public static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    /// <summary>
    /// Scripts written without spaces between words, or with particles glued to names (수원시에서, 名古屋市の):
    /// a phrase in them matches anywhere, not as a whole word.
    /// </summary>
    public static bool IsUnspaced(char c) => IsHan(c) || IsKana(c) || IsHangul(c);

    public static int CountLatinLetters(string text) => text.Count(c => c < '\u0250' && char.IsLetter(c));

    private static char FoldAny(char c) => char.IsWhiteSpace(c) ? ' ' : c is '\u2013' or '\u2014' or '\u2010' or '\u2011' ? '-' : char.ToLowerInvariant(c);

    private static bool IsAnyWordChar(char c) => char.IsLetterOrDigit(c) && !IsUnspaced(c);

    private static TValue[] BuildTable<TValue>(Func<char, TValue> of)
    {
        var table = new TValue[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = of((char)c);
        }

        return table;
    }
}
