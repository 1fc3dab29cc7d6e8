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

    private readonly PhraseScanner<ThemeKeyword> _scanner;
    private readonly Dictionary<string, PhraseScanner<ThemeKeyword>> _scannersByLanguage;
    private readonly Dictionary<string, List<ThemeKeyword>> _prefixes;
    private readonly FrozenSet<string> _ids;

    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        Themes = themes.ToList();
        _ids = Themes.Select(theme => theme.Id).ToFrozenSet(StringComparer.Ordinal);
        var keywords = Themes.SelectMany(theme => theme.Keywords.SelectMany(entry => entry.Value
            .SelectMany(keyword => Spellings(keyword).Select(spelling => (spelling, new ThemeKeyword(
                theme.Id, entry.Key, theme.IsWeak(entry.Key, keyword), keyword.Trim().Trim('*').Length, keyword.Any(char.IsUpper)))))))
            .ToList();
        _prefixes = Themes.SelectMany(theme => theme.Keywords.SelectMany(entry => entry.Value
                .Where(keyword => keyword.Trim().EndsWith('*') && !keyword.Trim().StartsWith('*'))
                .Select(keyword => (Body: keyword.Trim().TrimEnd('*').ToLowerInvariant(), Keyword: new ThemeKeyword(
                    theme.Id, entry.Key, theme.IsWeak(entry.Key, keyword), keyword.Trim().TrimEnd('*').Length, keyword.Any(char.IsUpper))))))
            .GroupBy(p => p.Body, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Keyword).ToList(), StringComparer.Ordinal);
        // One scanner over every theme's keywords: the text is read once, whatever the number of keywords.
        _scanner = new PhraseScanner<ThemeKeyword>(keywords);
        // And one a language: its own keywords and those that mean the same in every text (see AppliesTo).
        _scannersByLanguage = keywords.Select(k => k.Item2.Language).Distinct(StringComparer.Ordinal)
            .ToDictionary(language => language, language => new PhraseScanner<ThemeKeyword>(keywords.Where(k => AppliesTo(k.spelling, k.Item2.Language, language))), StringComparer.Ordinal);
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
        foreach (var match in _scanner.Scan(OneSpaced(text)))
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
        var scanners = languages.Select(l => _scannersByLanguage.GetValueOrDefault(l)).ToList();
        if (scanners.Count == 0 || scanners.Any(s => s is null))
        {
            // A language no keyword is written in (or none detected): every keyword, as a person would read it.
            return _scanner.Scan(text);
        }

        if (scanners.Count == 1)
        {
            return [.. scanners[0]!.Scan(text).Select(m => MostSpecific(text, m, languages))];
        }

        var matches = new Dictionary<(int, int), PhraseMatch<ThemeKeyword>>();
        foreach (var scanner in scanners)
        {
            foreach (var match in scanner!.Scan(text))
            {
                matches.TryAdd((match.Start, match.Length), match);
            }
        }

        return [.. matches.Values.OrderBy(m => m.Start).ThenByDescending(m => m.Length).Select(m => MostSpecific(text, m, languages))];
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

    // Whether a keyword of keywordLanguage is read in a text written in textLanguage. A word means its theme in
    // its own language only (Portuguese "leite", milk, is German "ich leite", I lead); English words are read in
    // every text (delegations and their hosts mix English in), and Chinese characters, Korean hangul and
    // Japanese kana are read wherever they stand, as no other language writes them - except Japanese keywords
    // in kanji only, which in a Chinese text may mean something else.
    private static bool AppliesTo(string keyword, string keywordLanguage, string textLanguage)
    {
        if (keywordLanguage == textLanguage || keywordLanguage == "en")
        {
            return true;
        }

        var unspaced = keyword.Any(TextKind.IsUnspaced);
        return unspaced && (keywordLanguage != "ja" || keyword.Any(TextKind.IsKana));
    }

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
