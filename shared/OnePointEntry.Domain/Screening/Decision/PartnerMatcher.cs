using System.Runtime.CompilerServices;
using OnePointEntry.Directories;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Screening.Decision;

/// <summary>
/// Ranks the partners for an enquiry: those the delegation asked for by name, the municipality that referred
/// it, and those covering its themes; with points per reason so the ranking explains itself.
/// </summary>
/// <remarks>
/// Points: asked for by name (its name or an alias in the purpose, whole words, any case) 30; the referring
/// municipality or region itself 8; each of the enquiry's themes the partner covers 10. These make a match.
/// The referrer ranks below a partner that covers what the delegation came for: it is involved anyway, having
/// sent the enquiry, while the partner with the subject is the suggestion a screener needs.
/// Two bonuses only add to a match and never make one alone, so the short list is not filled with every
/// company in the referring town or every partner that speaks English: lying in the referring municipality 5,
/// hosting visits in the enquiry's language 2. Ties go to more themes, then to the partner whose own themes are
/// most about the enquiry's (the specialist), then the partner id (ordinal).
/// </remarks>
public static class PartnerMatcher
{
    public const int DefaultLimit = 5;
    public const int AskedByNamePoints = 30;
    public const int ReferrerPoints = 8;
    public const int ThemePoints = 10;
    public const int InReferringMunicipalityPoints = 5;
    public const int LanguagePoints = 2;

    // Each partner's name and aliases as compiled patterns, made once per partner read from the directory rather
    // than once per screening: the worker keeps the directory (and so the same Partner instances) for a while, and
    // the patterns go with the instances when a fresh read replaces them.
    private static readonly ConditionalWeakTable<Partner, PhraseList> s_names = new();

    /// <param name="themes">The enquiry's theme ids (screened facts).</param>
    /// <param name="limit">How many matches to keep at most.</param>
    public static IReadOnlyList<PartnerMatch> Match(EnquirySubmission submission, IReadOnlyList<string> themes, IEnumerable<Partner> partners, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return partners
            .Select(partner => (Partner: partner, Match: Assess(submission, themes, partner)))
            .Where(candidate => candidate.Match is not null)
            .OrderByDescending(candidate => candidate.Match!.Score)
            .ThenByDescending(candidate => candidate.Match!.MatchedThemes.Count)
            // A specialist in what the delegation asks about before a partner that does much else too.
            .ThenByDescending(candidate => (double)candidate.Match!.MatchedThemes.Count / Math.Max(1, candidate.Partner.Themes.Count))
            .ThenBy(candidate => candidate.Match!.PartnerId, StringComparer.Ordinal)
            .Take(limit)
            .Select(candidate => candidate.Match!)
            .ToList();
    }

    private static PartnerMatch? Assess(EnquirySubmission submission, IReadOnlyList<string> themes, Partner partner)
    {
        var reasons = new List<string>();
        var score = 0;
        var matched = false;

        var askedFor = s_names.GetValue(partner, Names).FoundIn(submission.Purpose);
        if (askedFor.Count > 0)
        {
            score += AskedByNamePoints;
            matched = true;
            reasons.Add($"Asked for by name: {string.Join(", ", askedFor.Select(name => $"\"{name}\""))}");
        }

        var referredBy = submission.ReferredBy;
        var inReferringMunicipality = referredBy is not null && partner.Municipality is not null && SamePlace(referredBy, partner.Municipality);
        var isReferrer = referredBy is not null
            && partner.Kind is PartnerKind.Municipality or PartnerKind.Region
            && (inReferringMunicipality || SamePlace(referredBy, partner.Name));
        if (isReferrer)
        {
            score += ReferrerPoints;
            matched = true;
            reasons.Add($"Referred the enquiry (referred by {referredBy})");
        }

        var covered = themes.Where(theme => partner.Themes.Contains(theme, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (covered.Count > 0)
        {
            score += ThemePoints * covered.Count;
            matched = true;
            reasons.Add($"Covers {covered.Count} of the enquiry's {themes.Count} theme{(themes.Count == 1 ? "" : "s")}: {string.Join(", ", covered)}");
        }

        if (!matched)
        {
            return null;
        }

        if (inReferringMunicipality && !isReferrer)
        {
            score += InReferringMunicipalityPoints;
            reasons.Add($"Lies in {partner.Municipality}, the municipality that referred the enquiry");
        }

        if (submission.Language is { } language && partner.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            score += LanguagePoints;
            reasons.Add($"Can host the visit in {LanguageNames.Describe(language)}");
        }

        return new PartnerMatch(partner.Id, partner.Name, partner.Kind, score, covered, reasons);
    }

    private static PhraseList Names(Partner partner) => new([partner.Name, .. partner.Aliases]);

    // "Glostrup" is "Glostrup Kommune", "København" is "Københavns Kommune", "Skåne" is "Region Skåne",
    // "Malmö" is "Malmö stad", "Lund" is "Lunds kommun".
    private static bool SamePlace(string referredBy, string name)
    {
        var wanted = Normalise(referredBy, out _);
        var candidate = Normalise(name, out var hadSuffix);
        return wanted == candidate
            || (hadSuffix && candidate.EndsWith('s') && wanted == candidate[..^1]);
    }

    private static string Normalise(string name, out bool hadSuffix)
    {
        var text = name.Trim().ToLowerInvariant();
        hadSuffix = false;
        foreach (var suffix in (string[])[" kommune", " kommun", " stad", " municipality"])
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                text = text[..^suffix.Length].TrimEnd();
                hadSuffix = true;
                break;
            }
        }

        if (text.StartsWith("region ", StringComparison.Ordinal))
        {
            text = text["region ".Length..].TrimStart();
        }

        return text;
    }
}
