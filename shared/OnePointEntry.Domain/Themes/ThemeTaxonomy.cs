using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OnePointEntry.Extraction;

namespace OnePointEntry.Themes;

/// <summary>
/// The closed list of themes delegations ask about, and the classifier that finds them in free text
/// (Danish, English, Chinese in simplified and traditional characters, Swedish, German, Japanese, Korean,
/// Vietnamese, Spanish, Portuguese, Polish, Dutch, French) from the keywords in <c>themes.json</c>.
/// </summary>
public sealed partial class ThemeTaxonomy
{
    private static readonly Lazy<ThemeTaxonomy> s_default = new(() => new ThemeTaxonomy(ReferenceData.Read<List<Theme>>("themes.json")));

    private readonly Lazy<PhraseScanner<ThemeKeyword>> _scanner;
    private readonly PhraseScanner<ThemeKeyword> _shared;
    private readonly Dictionary<string, Lazy<PhraseScanner<ThemeKeyword>>> _own;
    private readonly Dictionary<string, List<ThemeKeyword>> _prefixes;
    private readonly FrozenSet<string> _ids;

    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        Themes = themes.ToList();
        _ids = Themes.Select(theme => theme.Id).ToFrozenSet(StringComparer.Ordinal);
        var listed = Themes.SelectMany(theme => theme.Keywords.SelectMany(entry => entry.Value.Select(keyword => (Written: keyword, Keyword: new ThemeKeyword(
            theme.Id, entry.Key, theme.IsWeak(entry.Key, keyword), keyword.Trim().Trim('*').Length, keyword.Any(char.IsUpper)))))).ToList();
        var keywords = listed.SelectMany(k => Spellings(k.Written).Select(spelling => (spelling, k.Keyword))).ToList();
        _prefixes = listed
            .Where(k => k.Written.Trim().EndsWith('*') && !k.Written.Trim().StartsWith('*'))
            .GroupBy(k => k.Written.Trim().TrimEnd('*').ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Keyword).ToList(), StringComparer.Ordinal);
        // One scanner over every theme's keywords, for a text in no known language: read once, whatever the number
        // of keywords. For a text in a known language, one over the keywords read in every text (see AppliesTo) and
        // one over the language's own, each built when a text in it first comes.
        _scanner = new(() => new PhraseScanner<ThemeKeyword>(keywords));
        _shared = new PhraseScanner<ThemeKeyword>(keywords.Where(k => AppliesEverywhere(k.spelling, k.Item2.Language)));
        _own = keywords.Select(k => k.Item2.Language).Distinct(StringComparer.Ordinal).ToDictionary(
            language => language,
            language => new Lazy<PhraseScanner<ThemeKeyword>>(() => new PhraseScanner<ThemeKeyword>(keywords.Where(k => k.Item2.Language == language && !AppliesEverywhere(k.spelling, language)))),
            StringComparer.Ordinal);
    }

    /// <summary>The taxonomy built from the embedded <c>themes.json</c>.</summary>
    public static ThemeTaxonomy Default => s_default.Value;

    public IReadOnlyList<Theme> Themes { get; }

    public bool IsKnown(string id) => _ids.Contains(id);

    /// <summary>The ids of the themes <paramref name="text"/> is about, sorted, without duplicates.</summary>
    /// <remarks>
    /// Where keywords overlap the longest wins, also across themes: "mink farming" is the fur industry, not
    /// agriculture, although "farming" alone would be.
    /// </remarks>
    public IReadOnlyList<string> Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Mentions(text).Select(mention => mention.Theme).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Each theme <paramref name="text"/> is about with where it first says so, in the order written: the
    /// positions are in <see cref="OneSpaced"/> of the text.
    /// </summary>
    public IReadOnlyList<(string Theme, int Start, int End)> Mentions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<(string Theme, int Start, int End)>();
        foreach (var match in _scanner.Value.Scan(OneSpaced(text)))
        {
            foreach (var keyword in match.Values)
            {
                if (seen.Add(keyword.Theme))
                {
                    mentions.Add((keyword.Theme, match.Start, match.Start + match.Length));
                }
            }
        }

        return mentions;
    }

    /// <summary>
    /// The keywords in <paramref name="text"/> that apply to a text in one of <paramref name="languages"/>
    /// (all keywords when no language is known), leftmost-longest, in the order written.
    /// </summary>
    internal List<PhraseMatch<ThemeKeyword>> Scan(string text, IReadOnlyCollection<string> languages)
    {
        if (languages.Count == 0 || languages.Any(l => !_own.ContainsKey(l)))
        {
            // A language no keyword is written in (or none detected): every keyword, as a person would read it.
            return _scanner.Value.Scan(text);
        }

        // Leftmost-longest over the scanners' matches together, as one scanner would find them; the same words
        // found by two (English "metro" and Danish "metro") stand for what both say.
        var found = _shared.Scan(text).Concat(languages.SelectMany(l => _own[l].Value.Scan(text)))
            .OrderBy(m => m.Start).ThenByDescending(m => m.Length).ToList();
        var matches = new List<PhraseMatch<ThemeKeyword>>(found.Count);
        foreach (var match in found)
        {
            if (matches.Count > 0 && matches[^1].Start == match.Start && matches[^1].Length == match.Length)
            {
                matches[^1] = matches[^1] with { Values = [.. matches[^1].Values.Union(match.Values)] };
            }
            else if (matches.Count == 0 || match.Start >= matches[^1].End)
            {
                matches.Add(match);
            }
        }

        return [.. matches.Select(m => MostSpecific(text, m, languages))];
    }

    // Two keywords that both begin a compound match it to its end alike ("havn*" and "havnefront*" in
    // "havnefronten"): the longer one is what the word means.
    private PhraseMatch<ThemeKeyword> MostSpecific(string text, PhraseMatch<ThemeKeyword> match, IReadOnlyCollection<string> languages)
    {
        var shortest = match.Values.Min(v => v.Length);
        if (match.Length <= shortest)
        {
            return match;
        }

        var word = text.Substring(match.Start, match.Length).ToLowerInvariant();
        for (var length = word.Length; length > shortest; length--)
        {
            if (_prefixes.TryGetValue(word[..length], out var keywords))
            {
                var applicable = keywords.Where(k => languages.Contains(k.Language) || k.Language == "en").ToList();
                if (applicable.Count > 0)
                {
                    return match with { Values = applicable };
                }
            }
        }

        return match;
    }

    // Whether a keyword is read in a text of any language. A word means its theme in its own language only
    // (Portuguese "leite", milk, is German "ich leite", I lead); English words are read in every text (delegations
    // and their hosts mix English in), and Chinese characters, Korean hangul and Japanese kana wherever they
    // stand, as no other language writes them - except Japanese keywords in kanji only, which in a Chinese text
    // may mean something else: those are read in Japanese text only.
    private static bool AppliesEverywhere(string keyword, string keywordLanguage) =>
        keywordLanguage == "en" || (keyword.Any(TextKind.IsUnspaced) && (keywordLanguage != "ja" || keyword.Any(TextKind.IsKana)));

    /// <summary>A phrase broken over two lines, or spaced twice, is the same phrase: the text read with single spaces.</summary>
    public static string OneSpaced(string text) => Whitespace().Replace(text ?? string.Empty, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // The ways a Latin-script keyword is written: with a space or a hyphen, and with an English plural.
    // Chinese keywords and prefixes (ending in *) are taken as they are.
    private static IEnumerable<string> Spellings(string keyword)
    {
        var trimmed = keyword.Trim();
        if (trimmed.Length == 0)
        {
            yield break;
        }

        if (trimmed.Any(TextKind.IsHan) || trimmed.EndsWith('*'))
        {
            yield return trimmed;
            yield break;
        }

        foreach (var spelling in new[] { trimmed, trimmed.Replace(' ', '-'), trimmed.Replace('-', ' ') }.Distinct(StringComparer.Ordinal))
        {
            yield return spelling;
            yield return spelling + "s";
            yield return spelling + "es";
        }
    }
}

/// <summary>What a keyword found in a text stands for.</summary>
/// <param name="Theme">The theme's id.</param>
/// <param name="Language">The language the keyword is listed under.</param>
/// <param name="Weak">Listed as weak: little evidence alone.</param>
/// <param name="Length">The keyword's length without its <c>*</c>: where a compound it begins goes on.</param>
/// <param name="Proper">Written with a capital in the data: a name that is itself the topic (Maersk, Medicon Valley).</param>
internal readonly record struct ThemeKeyword(string Theme, string Language, bool Weak, int Length, bool Proper);
