using System.Globalization;
using System.Text.RegularExpressions;
using OnePointEntry.Themes;

namespace OnePointEntry.Extraction;

/// <summary>
/// Reads an e-mail (<see cref="MailContent"/>) into the extraction contract: the enquiry's language, where
/// the delegation is from, its sector and level, size, dates in Denmark, themes, and the Danish or Swedish
/// municipality or region that referred it. Forwards and replies are read as the messages they hold: the
/// language is the original enquiry's, the newest message's numbers and dates win, One-Point Entry's own
/// messages in a thread are not read. All the words it relies on are data in <c>Data/*.json</c>.
/// Work is linear in the length of the mail; a field whose reader still fails (a pattern out of time) is left
/// empty and named in <see cref="ExtractedEnquiry.ReviewReasons"/>, so the mail goes to a person. Of a very long
/// mail only the first <see cref="MaxReadLength"/> characters of each text are read.
/// </summary>
public sealed class EnquiryExtractor
{
    /// <summary>
    /// The most characters of the mail's text, subject, sender's name and each attachment that are read:
    /// an enquiry is a few thousand characters (the corpus's longest under 4,000) and the enquiry keeps only
    /// <c>MailIntake.MaxStoredText</c> of it, so what lies beyond this is a log, encoded data or a crafted
    /// mail, not facts about a delegation; a person reads the mail itself. It bounds the time a mail can take
    /// whatever the patterns cost a character.
    /// </summary>
    public const int MaxReadLength = 100_000;

    private static readonly Lazy<EnquiryExtractor> s_default = new(() => new EnquiryExtractor());

    private readonly ThemeTaxonomy _themes = ThemeTaxonomy.Default;
    private readonly PlaceIndex _places = PlaceIndex.Default;
    private readonly SectorClassifier _sectors = SectorClassifier.Default;
    private readonly LanguageDetector _languages = LanguageDetector.Default;
    private readonly DelegationSizeReader _sizes;
    private readonly VisitDateReader _dates;
    private readonly PhraseScanner<string> _context;

    private EnquiryExtractor()
        : this(DelegationSizeReader.Default, VisitDateReader.Default)
    {
    }

    /// <summary>An extractor whose patterns give up after <paramref name="matchTimeout"/>: tests of running out of time.</summary>
    internal EnquiryExtractor(TimeSpan matchTimeout)
        : this(new DelegationSizeReader(ExtractionCues.Default, matchTimeout), new VisitDateReader(ExtractionCues.Default, matchTimeout))
    {
    }

    private EnquiryExtractor(DelegationSizeReader sizes, VisitDateReader dates)
    {
        _sizes = sizes;
        _dates = dates;
        var cues = ExtractionCues.Default;
        _context = new PhraseScanner<string>(
            cues.HostPlaces.Select(h => (h, "host"))
                .Concat(cues.AwayCues.Select(a => (a, "away")))
                .Concat(cues.HomeCues.Select(h => (h, "home")))
                .Concat(cues.DelegationCues.Select(d => (d, "delegation")))
                .Concat(cues.ArrivalCues.Select(a => (a, "arrival")))
                .Concat(cues.DepartureCues.Select(d => (d, "departure"))),
            allowGenitive: true);
    }

    public static EnquiryExtractor Default => s_default.Value;

    public ExtractedEnquiry Extract(MailContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = Bounded(content);
        var all = MailSegmenter.Split(content);
        var segments = all.Where(s => !IsOnePointEntry(s.From)).ToList();
        if (segments.Count == 0)
        {
            segments = all;
        }

        var reasons = new List<string>();
        var languages = Read("language", reasons, segments.Select(_ => (string?)null).ToList(), () => segments.Select(s => _languages.Detect(s.Body.Length > 0 ? s.Body : s.FullText)).ToList());
        var original = Enumerable.Range(0, segments.Count).LastOrDefault(i => TextKind.CountLatinLetters(segments[i].Body) + (TextKind.CountHan(segments[i].Body) * 3) >= 40);
        var language = languages[original] ?? languages.FirstOrDefault(l => l is not null) ?? Read("language", reasons, null, () => _languages.Detect(content.Subject));

        var home = Read("delegation's home", reasons, new Home(null, false, null, null, []), () => FindHome(segments, languages, content.Subject));
        var readBefore = reasons.Count;
        var assessment = Read("sector", reasons, null, () => AssessSector(segments, content, home));
        // Unread is empty, not "other" (which says the text was read and named no sector).
        var sectorUnread = reasons.Count > readBefore;
        var level = assessment?.Level;
        var city = home.City;
        if (assessment?.Sector == "public" && level is "provincial" or "national" && !home.CitySeated)
        {
            city = null;
        }

        var region = city?.Region ?? home.Region;
        if (assessment?.Sector == "public" && level == "national" && city is null)
        {
            region = null;
        }

        var country = city?.Country ?? home.Country;
        var monthFirst = country == "US" || (country is null && content.SentAt?.Offset.TotalHours is <= -4 and >= -10);
        var (arrival, departure) = Read("visit dates", reasons, (null, null), () => FindDates(segments, content, monthFirst));
        var size = Read("delegation size", reasons, null, () => FindSize(segments, languages, content.Subject));
        var themes = Read("themes", reasons, [], () => FindThemes(segments, content));
        var referredBy = Read("referring municipality", reasons, null, () => FindReferral(all, content));

        return new ExtractedEnquiry
        {
            Language = language,
            Country = country,
            Region = region,
            City = city is null ? null : PlaceIndex.PlainName(city.Name),
            Sector = sectorUnread ? null : assessment?.Sector ?? "other",
            Level = assessment?.Sector == "public" ? level : null,
            DelegationSize = size,
            ArrivalDate = arrival,
            DepartureDate = departure,
            Themes = themes,
            ReferredBy = referredBy,
            ReviewReasons = reasons.Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static MailContent Bounded(MailContent content)
    {
        var longAttachment = content.Attachments?.Any(a => a.Text?.Length > MaxReadLength) == true;
        if (content.Text?.Length <= MaxReadLength && !(content.Subject?.Length > MaxReadLength) && !(content.FromName?.Length > MaxReadLength) && !longAttachment)
        {
            return content;
        }

        return content with
        {
            Text = Cut(content.Text)!,
            Subject = Cut(content.Subject),
            FromName = Cut(content.FromName),
            Attachments = longAttachment ? content.Attachments!.Select(a => a with { Text = Cut(a.Text)! }).ToList() : content.Attachments!,
        };
    }

    // At the last line break before the limit when there is one near it, so that no date or name is cut in two.
    private static string? Cut(string? text)
    {
        if (text is null || text.Length <= MaxReadLength)
        {
            return text;
        }

        var lineEnd = text.LastIndexOf('\n', MaxReadLength - 1, 1_000);
        return text[..(lineEnd > 0 ? lineEnd : MaxReadLength)];
    }

    // One field's reader failing (a pattern out of time on a crafted text, a bug) must not cost the others or the
    // mail: the field stays empty and a person is told why.
    private static T Read<T>(string field, List<string> reasons, T empty, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RegexMatchTimeoutException)
        {
            reasons.Add($"The {field} could not be read in time: the text is unusually long or repetitive. Please read the mail.");
            return empty;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            reasons.Add($"The {field} could not be read ({exception.GetType().Name}). Please read the mail.");
            return empty;
        }
    }

    private static bool IsOnePointEntry(string? from) =>
        from is not null && (from.Contains("onepointentry", StringComparison.OrdinalIgnoreCase) || from.Contains("One-Point Entry", StringComparison.OrdinalIgnoreCase));

    private sealed record Home(Geography.City? City, bool CitySeated, string? Region, string? Country, List<(int Segment, int Start, int End)> Mentions);

    private Home FindHome(List<MailSegment> segments, List<string?> languages, string? subject)
    {
        var cityScores = new Dictionary<Geography.City, (double Score, int First)>();
        var regionScores = new Dictionary<(string Region, string Country), double>();
        var countryScores = new Dictionary<string, double>(StringComparer.Ordinal);
        var mentionedRegions = new HashSet<string>(StringComparer.Ordinal);
        var mentionedCountries = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<(int Segment, int Start, int End)>();
        var seated = new HashSet<Geography.City>();
        var order = 0;
        var texts = segments.Select(s => s.FullText).Append(subject ?? string.Empty).ToList();
        var cityMatches = new List<(List<Geography.City> Cities, double Score, int Order)>();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            var language = t < languages.Count ? languages[t] : null;
            var context = _context.Scan(text);
            foreach (var match in _places.Scan(text))
            {
                order++;
                var weight = Weight(text, match, context);
                var cities = new List<Geography.City>();
                foreach (var place in match.Values)
                {
                    if (place.Country is "DK" || place.Kind is PlaceKind.NotPlace or PlaceKind.Municipality)
                    {
                        continue;
                    }

                    if (place.Languages is { } only && (language is null || !only.Contains(language)))
                    {
                        continue;
                    }

                    switch (place.Kind)
                    {
                        case PlaceKind.City when place.City is not null:
                            cities.Add(place.City);
                            break;
                        case PlaceKind.Region:
                            mentionedRegions.Add(place.Region!);
                            regionScores[(place.Region!, place.Country!)] = regionScores.GetValueOrDefault((place.Region!, place.Country!)) + weight;
                            break;
                        case PlaceKind.Country:
                            mentionedCountries.Add(place.Country!);
                            countryScores[place.Country!] = countryScores.GetValueOrDefault(place.Country!) + weight;
                            break;
                        case PlaceKind.Demonym:
                            countryScores[place.Country!] = countryScores.GetValueOrDefault(place.Country!) + (weight * 0.8);
                            break;
                        default:
                            break;
                    }
                }

                if (cities.Count > 0)
                {
                    if (t < segments.Count)
                    {
                        mentions.Add((t, match.Start, match.End));
                    }

                    if (IsSeat(text, match))
                    {
                        seated.UnionWith(cities);
                    }

                    cityMatches.Add((cities, weight, order));
                }
            }
        }

        foreach (var (cities, score, first) in cityMatches)
        {
            // Homonyms ("Suzhou"): the one whose province or country the text names.
            var city = cities.FirstOrDefault(c => mentionedRegions.Contains(c.Region) && c.Region != c.Name)
                ?? cities.FirstOrDefault(c => mentionedCountries.Contains(c.Country))
                ?? cities[0];
            var previous = cityScores.GetValueOrDefault(city, (0, first));
            cityScores[city] = (previous.Score + score, Math.Min(previous.First, first));
        }

        var best = cityScores
            .Select(entry => (City: entry.Key, Score: entry.Value.Score + (mentionedRegions.Contains(entry.Key.Region) ? 0.5 : 0), entry.Value.First))
            .Where(entry => entry.Score >= 0.5)
            .OrderByDescending(entry => entry.Score).ThenBy(entry => entry.First)
            .FirstOrDefault();
        var bestRegion = regionScores.OrderByDescending(r => r.Value).FirstOrDefault();
        var bestCountry = countryScores.OrderByDescending(c => c.Value).FirstOrDefault();
        if (best.City is not null)
        {
            return new Home(best.City, seated.Contains(best.City), best.City.Region, best.City.Country, mentions);
        }

        if (bestRegion.Value > 0)
        {
            return new Home(null, false, bestRegion.Key.Region, bestRegion.Key.Country, mentions);
        }

        return new Home(null, false, null, bestCountry.Value > 0 ? bestCountry.Key : null, mentions);
    }

    // How much a place mention says "the delegation is from here": "from X", "X Municipal", X市 count more;
    // "to X", "then X" (another stop) count less.
    private static double Weight(string text, PhraseMatch<Place> match, List<PhraseMatch<string>> context)
    {
        var weight = 1.0;
        // Matches are sorted and do not overlap: only the last one ending before the place can be close enough.
        var last = PhraseMatches.LastEndingBy(context, match.Start);
        var before = last >= 0 ? context[last] : default;
        if (before.Values is not null && match.Start - before.End <= 2 && !text[before.End..match.Start].Contains('\n', StringComparison.Ordinal))
        {
            if (before.Values.Contains("away"))
            {
                weight *= 0.2;
            }
            else if (before.Values.Contains("home"))
            {
                weight *= 2;
            }
        }

        var after = text[match.End..Math.Min(text.Length, match.End + 16)];
        if (after.Length > 0 && (after[0] is '市' or '省' or '区' or '县' || after.TrimStart().StartsWith("Municipal", StringComparison.Ordinal)
            || after.TrimStart().StartsWith("City", StringComparison.Ordinal) || after.TrimStart().StartsWith("Province", StringComparison.Ordinal)
            || after.TrimStart().StartsWith("Special", StringComparison.Ordinal)))
        {
            weight *= 1.5;
        }

        return weight;
    }

    private static bool IsSeat(string text, PhraseMatch<Place> match)
    {
        var before = text[Math.Max(0, match.Start - 12)..match.Start];
        return before.EndsWith(" in ", StringComparison.Ordinal) || before.EndsWith(" i ", StringComparison.Ordinal) || before.EndsWith("位于", StringComparison.Ordinal)
            || before.EndsWith("based in ", StringComparison.Ordinal) || before.EndsWith("seat in ", StringComparison.Ordinal);
    }

    private SectorAssessment? AssessSector(List<MailSegment> segments, MailContent content, Home home)
    {
        var votes = new SectorClassifier.Votes();
        var mentionsBySegment = home.Mentions.ToLookup(m => m.Segment);
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var text = ForeignSignature(segment) ? segment.FullText : segment.Body;
            var sentences = new Sentences(text);
            var relevant = RelevantSentences(sentences, _context.Scan(text), mentionsBySegment[s]);
            _sectors.Score(text, index => relevant.Contains(sentences.NumberOf(index)) ? 2.0 : 1.0, votes);
        }

        if (content.FromName is { } fromName && !IsOnePointEntry(fromName))
        {
            _sectors.Score(fromName, _ => 1.0, votes);
        }

        var fallback = home.City is not null ? "municipal" : home.Region is not null ? "provincial" : "national";
        return votes.Decide(fallback);
    }

    // A signature is the delegation's own organisation unless a Danish or Swedish writer signs it.
    private static bool ForeignSignature(MailSegment segment) =>
        segment.From is null || !(segment.From.Contains(".dk", StringComparison.OrdinalIgnoreCase) || segment.From.Contains(".se", StringComparison.OrdinalIgnoreCase));

    // Cue words in a sentence about the delegation or its home place count double: the sentences that name the
    // home place or a word for the delegation, found once rather than looked up for every cue word.
    private static HashSet<int> RelevantSentences(Sentences sentences, List<PhraseMatch<string>> context, IEnumerable<(int Segment, int Start, int End)> homeSpans)
    {
        var relevant = new HashSet<int>();
        foreach (var span in homeSpans)
        {
            relevant.Add(sentences.NumberOfStart(span.Start));
        }

        foreach (var match in context.Where(c => c.Values.Contains("delegation")))
        {
            relevant.Add(sentences.NumberOfStart(match.Start));
        }

        relevant.Remove(-1);
        return relevant;
    }

    private int? FindSize(List<MailSegment> segments, List<string?> languages, string? subject)
    {
        for (var s = 0; s < segments.Count; s++)
        {
            var (statement, size) = _sizes.Read(segments[s].Body, languages[s]);
            if (statement != SizeStatement.None)
            {
                return size;
            }
        }

        var fromSubject = _sizes.Read(subject ?? string.Empty, _languages.Detect(subject));
        return fromSubject.Size;
    }

    private (DateOnly? Arrival, DateOnly? Departure) FindDates(List<MailSegment> segments, MailContent content, bool monthFirst)
    {
        var sentTop = content.SentAt is { } at ? DateOnly.FromDateTime(at.DateTime) : (DateOnly?)null;
        foreach (var segment in segments)
        {
            var sent = SegmentSent(segment, monthFirst) ?? sentTop;
            var found = Choose(segment.Body, sent, monthFirst);
            if (found is not null)
            {
                return found.Value;
            }
        }

        return Choose(content.Subject ?? string.Empty, sentTop, monthFirst) ?? (null, null);
    }

    private DateOnly? SegmentSent(MailSegment segment, bool monthFirst)
    {
        if (string.IsNullOrWhiteSpace(segment.SentText))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(segment.SentText, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return DateOnly.FromDateTime(parsed.DateTime);
        }

        var mention = _dates.Find(segment.SentText, monthFirst).FirstOrDefault(m => m.From.Year is not null);
        return mention is null ? null : VisitDateReader.Resolve(mention, DateOnly.MinValue)?.From;
    }

    private (DateOnly?, DateOnly?)? Choose(string text, DateOnly? sent, bool monthFirst)
    {
        var context = _context.Scan(text);
        var sentences = new Sentences(text);
        var valuesBySentence = new Dictionary<int, HashSet<string>>();
        foreach (var match in context)
        {
            var number = sentences.NumberOfStart(match.Start);
            if (number >= 0)
            {
                if (!valuesBySentence.TryGetValue(number, out var values))
                {
                    values = new HashSet<string>(StringComparer.Ordinal);
                    valuesBySentence[number] = values;
                }

                values.UnionWith(match.Values);
            }
        }

        var cues = context.Where(c => c.Values.Contains("arrival") || c.Values.Contains("departure")).ToList();
        var candidates = new List<(DateOnly From, DateOnly To, double Score, int Index, string? Cue)>();
        foreach (var mention in _dates.Find(text, monthFirst))
        {
            if (sent is null && (mention.From.Year is null || mention.To.Year is null))
            {
                continue;
            }

            if (VisitDateReader.Resolve(mention, sent ?? DateOnly.MinValue) is not { } days || (sent is { } s && days.From < s))
            {
                continue;
            }

            var inSentence = valuesBySentence.GetValueOrDefault(sentences.NumberOf(mention.Index));
            var score = (mention.IsRange ? 2 : 0) + (inSentence?.Contains("host") == true ? 2 : 0) + (inSentence?.Contains("delegation") == true ? 1 : 0);
            var last = PhraseMatches.LastEndingBy(cues, mention.Index);
            var nearCue = last >= 0 && mention.Index - cues[last].End <= 20 ? cues[last] : default;
            var cue = nearCue.Values is null ? null : nearCue.Values.Contains("arrival") ? "arrival" : "departure";
            candidates.Add((days.From, days.To, score, mention.Index, cue));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // "arrive on 11 May ... leave on 14 May": a departure day closes the visit the first day before it opens.
        var departure = candidates.FirstOrDefault(c => c.Cue == "departure" && c.From == c.To);
        var arrival = candidates.FirstOrDefault(c => c.Cue == "arrival" && c.From == c.To);
        if (departure.Cue is not null && !candidates.Any(c => c.From != c.To))
        {
            var first = arrival.Cue is not null ? arrival : candidates.Where(c => c.Index < departure.Index).OrderBy(c => c.Index).FirstOrDefault();
            if (first.Index < departure.Index && first.From <= departure.From && first != default)
            {
                return (first.From, departure.To);
            }
        }

        var best = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Index).First();
        return (best.From, best.To);
    }

    private IReadOnlyList<string> FindThemes(List<MailSegment> segments, MailContent content)
    {
        var text = string.Join("\n\n", segments.Select(s => s.Body).Prepend(content.Subject ?? string.Empty)
            .Concat(content.Attachments.Select(a => a.Text)));
        return _themes.Classify(text);
    }

    // The Danish or Swedish municipality or region that sent the mail to One-Point Entry: the writer of the
    // newest message, recognised by the signature, the sender's name or (for a note by a Danish or Swedish
    // writer) the municipality the note speaks for.
    private string? FindReferral(List<MailSegment> all, MailContent content)
    {
        var top = all.FirstOrDefault(s => !IsOnePointEntry(s.From)) ?? all[0];
        string? FirstMunicipality(string? text, bool skipAddressed)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            foreach (var match in _places.Scan(text))
            {
                var municipality = match.Values.FirstOrDefault(p => p.Kind == PlaceKind.Municipality);
                if (municipality is null)
                {
                    continue;
                }

                var before = text[Math.Max(0, match.Start - 14)..match.Start].ToLowerInvariant();
                if (skipAddressed && (before.Contains("dear", StringComparison.Ordinal) || before.Contains("kære", StringComparison.Ordinal)
                    || before.EndsWith("til ", StringComparison.Ordinal) || before.EndsWith("to ", StringComparison.Ordinal) || before.Contains("gärna", StringComparison.Ordinal)
                    || before.Contains("gerne", StringComparison.Ordinal) || before.EndsWith("med ", StringComparison.Ordinal) || before.EndsWith("with ", StringComparison.Ordinal)))
                {
                    continue;
                }

                return municipality.Name;
            }

            return null;
        }

        var fromSignature = FirstMunicipality(top.Signature, skipAddressed: false) ?? FirstMunicipality(content.FromName, skipAddressed: false);
        if (fromSignature is not null)
        {
            return fromSignature;
        }

        var scandinavian = content.FromAddress is { } address && (address.EndsWith(".dk", StringComparison.OrdinalIgnoreCase) || address.EndsWith(".se", StringComparison.OrdinalIgnoreCase));
        var language = _languages.Detect(top.Body);
        return scandinavian && language is "da" or "sv" ? FirstMunicipality(top.Body, skipAddressed: true) : null;
    }
}
