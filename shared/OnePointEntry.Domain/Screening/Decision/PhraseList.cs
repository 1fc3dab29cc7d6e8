using System.Text.RegularExpressions;
using OnePointEntry.Extraction;

namespace OnePointEntry.Screening.Decision;

/// <summary>
/// Finds which of a list of phrases a text contains: Latin-script phrases as whole words, case-insensitively,
/// with any run of whitespace between their words; Chinese phrases anywhere, as Chinese has no spaces.
/// </summary>
internal sealed class PhraseList
{
    private readonly List<(string Phrase, Regex? Pattern)> _phrases;

    public PhraseList(IEnumerable<string> phrases)
    {
        _phrases = phrases
            .Select(phrase => phrase.Trim())
            .Where(phrase => phrase.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(phrase => (phrase, phrase.Any(TextKind.IsHan) ? null : WholeWords(phrase)))
            .ToList();
    }

    /// <summary>The phrases found in <paramref name="text"/>, in the list's order, each once.</summary>
    public IReadOnlyList<string> FoundIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return _phrases
            .Where(entry => entry.Pattern?.IsMatch(text) ?? text.Contains(entry.Phrase, StringComparison.Ordinal))
            .Select(entry => entry.Phrase)
            .ToList();
    }

    public bool AnyIn(string? text) => FoundIn(text).Count > 0;

    private static Regex WholeWords(string phrase)
    {
        var words = Regex.Split(phrase, @"\s+").Select(Regex.Escape);
        return new Regex(
            @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }
}
