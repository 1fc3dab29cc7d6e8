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

    private readonly PhraseScanner<string> _scanner;
    private readonly FrozenSet<string> _ids;

    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        Themes = themes.ToList();
        _ids = Themes.Select(theme => theme.Id).ToFrozenSet(StringComparer.Ordinal);
        // One scanner over every theme's keywords: the text is read once, whatever the number of keywords.
        _scanner = new PhraseScanner<string>(Themes.SelectMany(theme => theme.Keywords.Values
            .SelectMany(words => words)
            .SelectMany(Spellings)
            .Select(keyword => (keyword, theme.Id))));
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
            foreach (var theme in match.Values)
            {
                if (seen.Add(theme))
                {
                    mentions.Add((theme, match.Start, match.Start + match.Length));
                }
            }
        }

        return mentions;
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
