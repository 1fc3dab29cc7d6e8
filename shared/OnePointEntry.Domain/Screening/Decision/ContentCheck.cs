using System.Text.RegularExpressions;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Themes;

namespace OnePointEntry.Screening.Decision;

/// <summary>
/// Tells enquiries a screener should get from those a person must look at first: spam, and enquiries
/// without usable content.
/// </summary>
/// <remarks>
/// <para>
/// Spam is judged by points, so that no single signal condemns a real enquiry: each spam cue word found
/// (from <c>screening-cues.json</c>) is a point; three or four links are a point, five or more, or links
/// making up most of the text, two; a text with nothing about a visit or a delegation (no theme, no word like
/// delegation, visit, 代表团) a point. Two points or more is spam.
/// </para>
/// <para>
/// Usable content is what the delegation wants: at least one theme, or a purpose of substance (four or more
/// words, counting two Chinese characters as a word, links and addresses left out). Without either nobody can
/// screen the enquiry, whether or not the country is known; the country is reported with the reason.
/// </para>
/// </remarks>
public sealed partial class ContentCheck
{
    /// <summary>Points from which an enquiry counts as spam.</summary>
    public const int SpamThreshold = 2;

    /// <summary>Words (two Chinese characters counting as one) from which a purpose has substance.</summary>
    public const int SubstantialWords = 4;

    private readonly PhraseList _spamCues;
    private readonly PhraseList _delegationCues;
    private readonly ThemeTaxonomy _themes;

    public ContentCheck(ScreeningCues cues, ThemeTaxonomy themes)
    {
        ArgumentNullException.ThrowIfNull(cues);
        _spamCues = new PhraseList(cues.SpamCues);
        _delegationCues = new PhraseList(cues.DelegationCues);
        _themes = themes;
    }

    public ContentAssessment Assess(EnquirySubmission submission, ScreenedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(facts);
        var text = submission.Organisation + "\n" + submission.Purpose;
        var signals = new List<string>();
        var points = 0;

        var cues = _spamCues.FoundIn(text);
        if (cues.Count > 0)
        {
            points += cues.Count;
            signals.Add($"Spam cue words: {string.Join(", ", cues.Select(cue => $"\"{cue}\""))}");
        }

        var links = Link().Count(submission.Purpose);
        var words = CountWords(submission.Purpose);
        if (links >= 5 || (links >= 2 && words < 5 * links))
        {
            points += 2;
            signals.Add($"Link-stuffed: {links} links in {words} words");
        }
        else if (links >= 3)
        {
            points += 1;
            signals.Add($"Many links: {links}");
        }

        var aboutAVisit = facts.Themes.Count > 0 || _themes.Classify(submission.Purpose).Count > 0 || _delegationCues.AnyIn(text);
        if (!aboutAVisit)
        {
            points += 1;
            signals.Add("Nothing about a visit or a delegation: no theme and no word like delegation, visit or meeting");
        }

        if (points >= SpamThreshold)
        {
            return new ContentAssessment(true, $"Looks like spam ({points} points, {SpamThreshold} needed): {string.Join("; ", signals)}", signals);
        }

        var substantial = words >= SubstantialWords;
        if (facts.Themes.Count == 0 && !substantial)
        {
            var country = facts.CountryCode is null ? "country not recognised" : $"country {facts.CountryCode}";
            var reason = $"No usable content: no themes, and the purpose has no substance ({words} word{(words == 1 ? "" : "s")}); {country}";
            signals.Add(reason);
            return new ContentAssessment(true, reason, signals);
        }

        return new ContentAssessment(false, null, signals);
    }

    /// <summary>
    /// Words in <paramref name="text"/> without its links and e-mail addresses: runs of two or more letters,
    /// with two Chinese characters counting as one word (Chinese is written without spaces).
    /// </summary>
    internal static int CountWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var plain = Email().Replace(Link().Replace(text, " "), " ");
        var han = TextKind.CountHan(plain);
        var latin = LatinWord().Count(plain);
        return latin + (han / 2);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"\S+@\S+\.\S+")]
    private static partial Regex Email();

    // Letters other than Chinese characters, two or more in a row.
    [GeneratedRegex(@"[\p{L}-[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}]]{2,}")]
    private static partial Regex LatinWord();
}
