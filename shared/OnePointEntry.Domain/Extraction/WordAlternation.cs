using System.Text;
using System.Text.RegularExpressions;

namespace OnePointEntry.Extraction;

/// <summary>
/// A case-insensitive alternation of literal words written as a trie ("jan(?:uar(?:i|y)?)?|feb…") rather than
/// one branch a word. The regex engine tries a backtracking alternation's branches one after another, each
/// with its own bookkeeping: with a hundred month names or person nouns that cost a microsecond at every
/// position a pattern got that far, most of a long text's reading time. In the trie a failing position costs
/// a look at one character. It matches what the flat list matches, and tries the words in the same order
/// where that matters: of two words that can both match at one place (one begins the other) the longer first.
/// </summary>
internal static class WordAlternation
{
    /// <summary>The words as an alternation for a pattern with <see cref="RegexOptions.IgnoreCase"/>.</summary>
    /// <param name="words">In the order the flat alternation would try them. Where a word comes before a longer
    /// one it begins (only the shorter could then ever match), the flat alternation is returned unchanged.</param>
    public static string Of(IEnumerable<string> words)
    {
        var list = words.Where(w => w.Length > 0).ToList();
        var folded = list.Select(w => w.ToLowerInvariant()).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            for (var j = i + 1; j < folded.Count; j++)
            {
                if (folded[j].Length > folded[i].Length && folded[j].StartsWith(folded[i], StringComparison.Ordinal))
                {
                    return string.Join('|', list.Select(Regex.Escape));
                }
            }
        }

        var root = new Node();
        for (var i = 0; i < list.Count; i++)
        {
            var node = root;
            for (var c = 0; c < list[i].Length; c++)
            {
                var key = folded[i][c];
                var next = node.Children.Find(child => child.Key == key);
                if (next is null)
                {
                    next = new Node { Key = key, Written = list[i][c] };
                    node.Children.Add(next);
                }

                node = next;
            }

            node.End = true;
        }

        // A backtracking alternation still goes through its branches one by one to find none fits; the character
        // class before it turns most failing positions away at once.
        var pattern = new StringBuilder("(?=[");
        foreach (var child in root.Children)
        {
            pattern.Append(ClassMember(child.Written));
        }

        pattern.Append("])");
        Write(root, pattern);
        return pattern.ToString();
    }

    // The continuations of a node, the longer before the end of a word: a greedy optional group tries its body first.
    private static void Write(Node node, StringBuilder pattern)
    {
        if (node.Children.Count == 0)
        {
            return;
        }

        // Last letters that end every word they are in are a character class ("uar[iy]?"): the fewer branches, the
        // smaller the compiled pattern (past a size the JIT no longer optimises it, and every position costs more).
        if (node.Children.All(child => child.Children.Count == 0))
        {
            pattern.Append(node.Children.Count == 1 ? Regex.Escape(node.Children[0].Written.ToString()) : "[" + string.Concat(node.Children.Select(child => ClassMember(child.Written))) + "]");
            pattern.Append(node.End ? "?" : string.Empty);
            return;
        }

        var group = node.End || node.Children.Count > 1;
        pattern.Append(group ? "(?:" : string.Empty);
        for (var i = 0; i < node.Children.Count; i++)
        {
            pattern.Append(i > 0 ? "|" : string.Empty).Append(Regex.Escape(node.Children[i].Written.ToString()));
            Write(node.Children[i], pattern);
        }

        pattern.Append(group ? ")" : string.Empty).Append(node.End ? "?" : string.Empty);
    }

    private static string ClassMember(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();

    private sealed class Node
    {
        public char Key { get; init; }

        public char Written { get; init; }

        public bool End { get; set; }

        public List<Node> Children { get; } = [];
    }
}
