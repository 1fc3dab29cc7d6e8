using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace OnePointEntry.Themes;

/// <summary>
/// The closed list of themes delegations ask about, and the classifier that finds them in free text
/// (Danish, English, Chinese, Swedish, German) from the keywords in <c>themes.json</c>.
/// </summary>
public sealed class ThemeTaxonomy
{
    private static readonly Lazy<ThemeTaxonomy> s_default = new(() => new ThemeTaxonomy(ReferenceData.Read<List<Theme>>("themes.json")));

    private readonly (string Id, Regex Pattern)[] _matchers;
    private readonly FrozenSet<string> _ids;

    public ThemeTaxonomy(IEnumerable<Theme> themes)
    {
        Themes = themes.ToList();
        _ids = Themes.Select(theme => theme.Id).ToFrozenSet(StringComparer.Ordinal);
        _matchers = Themes
            .Select(theme => (theme.Id, Pattern: BuildPattern(theme.Keywords.Values.SelectMany(words => words))))
            .Where(matcher => matcher.Pattern is not null)
            .Select(matcher => (matcher.Id, matcher.Pattern!))
            .ToArray();
    }

    /// <summary>The taxonomy built from the embedded <c>themes.json</c>.</summary>
    public static ThemeTaxonomy Default => s_default.Value;

    public IReadOnlyList<Theme> Themes { get; }

    public bool IsKnown(string id) => _ids.Contains(id);

    /// <summary>The ids of the themes <paramref name="text"/> is about, sorted, without duplicates.</summary>
    /// <remarks>
    /// A keyword found inside a longer keyword of another theme does not count: "mink farming" is the fur
    /// industry, not agriculture, although "farming" alone would be.
    /// </remarks>
    public IReadOnlyList<string> Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = _matchers
            .SelectMany(matcher => matcher.Pattern.Matches(text).Select(match => (matcher.Id, Start: match.Index, End: match.Index + match.Length)))
            .ToList();
        return found
            .Where(match => !found.Any(other => other.Id != match.Id
                && other.Start <= match.Start && other.End >= match.End && other.End - other.Start > match.End - match.Start))
            .Select(match => match.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Regex? BuildPattern(IEnumerable<string> keywords)
    {
        var alternatives = keywords
            .Select(keyword => keyword.Trim())
            .Where(keyword => keyword.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            // Longest first: the regex takes the first alternative that matches at a position, and the
            // whole phrase is what decides between themes.
            .OrderByDescending(keyword => keyword.Length)
            .Select(Alternative)
            .ToList();
        if (alternatives.Count == 0)
        {
            return null;
        }

        // One alternation per theme: the regex engine scans the text once for all of its keywords.
        return new Regex(string.Join('|', alternatives), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Alternative(string keyword)
    {
        if (keyword.Any(IsHan))
        {
            return Regex.Escape(keyword);
        }

        var prefix = keyword.EndsWith('*');
        var words = keyword.TrimEnd('*').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var body = new StringBuilder(@"(?<![\p{L}\p{N}])").Append(string.Join(@"[\s\-]+", words));
        body.Append(prefix ? @"[\p{L}\p{N}]*" : @"(?:e?s)?(?![\p{L}\p{N}])");
        return body.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
