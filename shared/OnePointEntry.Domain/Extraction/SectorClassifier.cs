using System.Text.RegularExpressions;

namespace OnePointEntry.Extraction;

/// <summary>An organisation's sector and, for the public sector, its level.</summary>
/// <param name="Sector"><c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>.</param>
/// <param name="Level"><c>national</c>, <c>provincial</c>, <c>municipal</c> or null; null outside the public sector.</param>
public sealed record SectorAssessment(string Sector, string? Level);

/// <summary>One cue word of <c>Data/sector-cues.json</c>: the sector and/or level it points to, and how strongly.</summary>
/// <param name="AfterCity">The sector the cue names right after a city's name instead ("Greater Chennai Corporation" is the city's government).</param>
internal sealed record SectorCue(string Phrase, string? Sector, string? Level, double Weight, string? AfterCity = null);

internal sealed record SectorCueFile(List<SectorCue> Cues);

/// <summary>
/// Tells the sector (public, private, academic, other) and the public sector's level from an organisation's
/// name and what is written about it, in English, Danish, Swedish, German and Chinese, from the cue words in
/// <c>Data/sector-cues.json</c>. Cue words right after Denmark, Copenhagen or a Danish municipality name a
/// host ("a Danish company", 哥本哈根市政府), not the delegation, and do not count. Used by the mail extractor
/// and on its own for web-form enquiries.
/// </summary>
public sealed partial class SectorClassifier
{
    private static readonly Lazy<SectorClassifier> s_default = new(() => new SectorClassifier(
        ReferenceData.Read<SectorCueFile>("sector-cues.json").Cues, ExtractionCues.Default, PlaceIndex.Default));

    private static readonly string[] s_sectors = ["public", "private", "academic", "other"];

    private readonly PhraseScanner<SectorCue> _cues;
    private readonly PhraseScanner<string> _hosts;
    private readonly PlaceIndex _places;

    internal SectorClassifier(IEnumerable<SectorCue> cues, ExtractionCues words, PlaceIndex places)
    {
        _cues = new PhraseScanner<SectorCue>(cues.Select(cue => (cue.Phrase, cue)));
        var hostNames = words.HostPlaces.Select(h => (h, "host"))
            .Concat(places.Municipalities.SelectMany(m => m.FullNames.Concat(MunicipalitySuffixed(m))).Select(n => (n, "host")));
        _hosts = new PhraseScanner<string>(hostNames, allowGenitive: true);
        _places = places;
    }

    public static SectorClassifier Default => s_default.Value;

    /// <summary>
    /// The sector and level of a delegation from its organisation's name (counted three times over) and free
    /// text about it; null when neither says anything.
    /// </summary>
    public SectorAssessment? Classify(string? organisation, string? text)
    {
        var votes = new Votes();
        if (!string.IsNullOrWhiteSpace(organisation))
        {
            Score(organisation, _ => 3.0, votes);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            Score(text, _ => 1.0, votes);
        }

        return votes.Decide();
    }

    internal void Score(string text, Func<int, double> emphasis, Votes votes)
    {
        var hosts = _hosts.Scan(text);
        List<PhraseMatch<Place>>? places = null;
        foreach (var match in _cues.Scan(text))
        {
            if (IsHost(text, match, hosts))
            {
                continue;
            }

            var factor = emphasis(match.Start);
            foreach (var found in match.Values)
            {
                var cue = found.AfterCity is not null && NamedLevel(text, match, places ??= _places.Scan(text)) == "municipal"
                    ? found with { Sector = found.AfterCity, Level = "municipal" }
                    : found;
                if (cue.Sector is not null)
                {
                    votes.Sectors[cue.Sector] = votes.Sectors.GetValueOrDefault(cue.Sector) + (cue.Weight * factor);
                    votes.Note(cue.Sector, cue.Weight * factor, match.Start, match.End);
                }

                // A government named by its place ("Queensland Government", "Government of Jalisco") is that
                // place's level: a state's is provincial, a city's municipal, a country's national. It says so
                // more strongly than a minister does: states have ministers too.
                var level = cue.Level ?? (cue.Sector == "public" ? NamedLevel(text, match, places ??= _places.Scan(text)) : null);
                if (level is not null)
                {
                    var weight = cue.Level is null ? 4 : Math.Max(cue.Weight, 1);
                    votes.Levels[level] = votes.Levels.GetValueOrDefault(level) + (weight * factor);
                    votes.Note("level:" + level, weight * factor, match.Start, match.End);
                }
            }
        }
    }

    // The place written just before the cue, or just after it with "of"/"de"/"du"/"von" between, or whose name
    // holds the cue (the place data knows "Government of Jalisco" as a name of Jalisco).
    private static string? NamedLevel(string text, PhraseMatch<SectorCue> match, List<PhraseMatch<Place>> places)
    {
        var holding = PhraseMatches.LastStartingBy(places, match.Start);
        if (holding >= 0 && places[holding].End >= match.End)
        {
            return LevelOf(places[holding].Values);
        }

        var before = PhraseMatches.LastEndingBy(places, match.Start);
        if (before >= 0 && match.Start - places[before].End <= 1 && text.AsSpan(places[before].End, match.Start - places[before].End).IsWhiteSpace())
        {
            return LevelOf(places[before].Values);
        }

        var after = PhraseMatches.LastStartingBy(places, match.End + 9);
        if (after >= 0 && places[after].Start >= match.End && OfBetween().IsMatch(text.AsSpan(match.End, places[after].Start - match.End)))
        {
            return LevelOf(places[after].Values);
        }

        return null;
    }

    private static string? LevelOf(IReadOnlyList<Place> place) =>
        place.Any(p => p.Country == "DK") ? null
        : place.Any(p => p.Kind is PlaceKind.City) ? "municipal"
        : place.Any(p => p.Kind is PlaceKind.Region) ? "provincial"
        : place.Any(p => p.Kind is PlaceKind.Country or PlaceKind.Demonym) ? "national"
        : null;

    [GeneratedRegex(@"^\s(?:of|de|del|do|da|du|von|der)\s(?:the\s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OfBetween();

    // A cue inside a host's name ("Glostrup Kommune") or just after it ("danske virksomheder", 丹麦...协会).
    // The host names are sorted and do not overlap, so their ends rise too: only those starting before the cue
    // and ending at most 22 characters before it can hold or precede it, found without going through them all.
    private static bool IsHost(string text, PhraseMatch<SectorCue> match, List<PhraseMatch<string>> hosts)
    {
        for (var h = PhraseMatches.LastStartingBy(hosts, match.Start); h >= 0 && hosts[h].End >= match.Start - 22; h--)
        {
            var host = hosts[h];
            if (host.Start <= match.Start && host.End >= match.End)
            {
                return true;
            }

            if (host.End <= match.Start && match.Start - host.End <= (TextKind.IsHan(text[match.Start]) ? 10 : 22))
            {
                var between = text[host.End..match.Start];
                if (between.IndexOfAny(['.', ',', ';', ':', '!', '?', '。', '，', '；', '：', '、', '\n', '(', '（']) < 0 && !between.Contains(" and ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> MunicipalitySuffixed(Municipality municipality)
    {
        foreach (var form in municipality.Forms.Prepend(municipality.Name))
        {
            yield return municipality.Kind == "region" ? "Region " + form : form + (municipality.Country == "DK" ? " Kommune" : " kommun");
            yield return form + " Municipality";
        }
    }

    internal sealed class Votes
    {
        public Dictionary<string, double> Sectors { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> Levels { get; } = new(StringComparer.Ordinal);

        /// <summary>Which text the next cues are read from (the caller's numbering), for <see cref="Strongest"/>.</summary>
        public int Source { get; set; }

        /// <summary>The strongest cue for each sector and each level ("level:municipal"): the evidence of a decision.</summary>
        public Dictionary<string, (double Weight, int Source, int Start, int End)> Strongest { get; } = new(StringComparer.Ordinal);

        /// <summary>How sure the decision is: the winner's share of all the sector votes (0 when there were none).</summary>
        public double Share(string sector)
        {
            var total = Sectors.Values.Sum();
            return total <= 0 ? 0 : Sectors.GetValueOrDefault(sector) / total;
        }

        /// <summary>The level's share of all the level votes; 0 when no cue named a level.</summary>
        public double LevelShare(string level)
        {
            var total = Levels.Values.Sum();
            return total <= 0 ? 0 : Levels.GetValueOrDefault(level) / total;
        }

        public void Note(string key, double weight, int start, int end)
        {
            if (!Strongest.TryGetValue(key, out var strongest) || weight > strongest.Weight)
            {
                Strongest[key] = (weight, Source, start, end);
            }
        }

        public SectorAssessment? Decide(string? fallbackLevel = null)
        {
            if (Sectors.Count == 0)
            {
                return null;
            }

            var sector = s_sectors.OrderByDescending(s => Sectors.GetValueOrDefault(s)).First();
            if (sector != "public")
            {
                return new SectorAssessment(sector, null);
            }

            var level = Levels.Count == 0 ? fallbackLevel ?? "municipal" : Levels.OrderByDescending(l => l.Value).ThenBy(l => l.Key == "municipal" ? 0 : 1).First().Key;
            return new SectorAssessment(sector, level);
        }
    }
}
