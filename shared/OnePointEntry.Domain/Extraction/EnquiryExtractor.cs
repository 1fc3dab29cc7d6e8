using System.Globalization;
using System.Text;
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
public sealed partial class EnquiryExtractor
{
    /// <summary>
    /// The most characters of the mail's text, subject, sender's name and each attachment that are read: as
    /// many as the enquiry keeps of the text (<see cref="OnePointEntry.Mail.MailIntake.MaxStoredText"/>), so every fact comes
    /// from text the staff can see. An enquiry is a few thousand characters (the corpus's longest under 4,000);
    /// what lies beyond is quoted history, a log, encoded data or a crafted mail, and a person reads the mail
    /// itself. It bounds the time a mail can take whatever the patterns cost a character.
    /// </summary>
    public const int MaxReadLength = OnePointEntry.Mail.MailIntake.MaxStoredText;

    // Longer than any word ("Donaudampfschifffahrtsgesellschaftskapitän" is 42) and any name a fact rests on.
    private const int EncodedRunLength = 60;

    private static readonly Lazy<EnquiryExtractor> s_default = new(() => new EnquiryExtractor());

    private readonly PlaceIndex _places = PlaceIndex.Default;
    private readonly SectorClassifier _sectors = SectorClassifier.Default;
    private readonly LanguageDetector _languages = LanguageDetector.Default;
    private readonly DelegationSizeReader _sizes;
    private readonly VisitDateReader _dates;
    private readonly PhraseScanner<string> _context;
    private readonly Weekdays _weekdays = Weekdays.Default;
    private readonly EnquiryRecognition _recognition = EnquiryRecognition.Default;
    private readonly PhraseScanner<bool> _intermediaries = new(ExtractionCues.Default.Intermediaries.Select(s => (s, true)));
    private static readonly System.Buffers.SearchValues<char> s_clauseEnds = System.Buffers.SearchValues.Create("，,；;。\n");
    private readonly PhraseScanner<bool> _journeyOrigins = new(ExtractionCues.Default.JourneyOrigins.Select(s => (s, true)));
    private readonly PhraseScanner<bool> _journeyDestinations = new(ExtractionCues.Default.JourneyDestinations.Select(s => (s, true)));
    // An itinerary's stops in Denmark (true) and in Sweden (false) by their bare names, which the place index only
    // knows with "Kommune" or "kommun" after them.
    private readonly PhraseScanner<bool> _nordicStops = new(
        ExtractionCues.Default.DenmarkNames.Select(name => (name, true))
            .Concat(PlaceIndex.Default.Municipalities.Where(m => m.Kind != "region").SelectMany(m => m.Forms.Prepend(m.Name).Select(name => (name, m.Country == "DK")))),
        requireCapital: true,
        allowGenitive: true);

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
        var outside = all.Where(s => !IsOnePointEntry(s.From)).ToList();
        var segments = outside;
        if (segments.Count == 0)
        {
            segments = all;
        }

        var reasons = new List<string>();
        var evidence = new List<FieldEvidence>();
        var languages = Read("language", reasons, segments.Select(_ => (string?)null).ToList(), () => segments.Select(s => _languages.Detect(s.Body.Length > 0 ? s.Body : s.FullText)).ToList());
        var original = Enumerable.Range(0, segments.Count).LastOrDefault(i => Letters(segments[i].Body) >= 40);
        var language = languages[original] ?? languages.FirstOrDefault(l => l is not null) ?? Read("language", reasons, null, () => _languages.Detect(content.Subject));
        if (language is not null)
        {
            var from = segments[original];
            var letters = Letters(from.Body);
            evidence.Add(new FieldEvidence("language", language, letters >= 200 ? 0.95 : letters >= 40 ? 0.8 : 0.5, from.Body.Length > 0 ? EvidenceQuote.Around(from.Body, 0, 0) : null, from.Kind));
        }

        var home = Read("delegation's home", reasons, Home.Unknown, () => FindHome(segments, languages, content.Subject, content.SentAt?.Year));
        var readBefore = reasons.Count;
        var assessment = Read("sector", reasons, null, () => AssessSector(segments, content, home));
        // Unread is empty, not "other" (which says the text was read and named no sector).
        var sectorUnread = reasons.Count > readBefore;
        var level = assessment?.Assessment.Level;
        var sector = assessment?.Assessment.Sector;
        var city = home.City;
        if (sector == "public" && level is "provincial" or "national" && !home.CitySeated)
        {
            city = null;
        }

        var region = city?.Region ?? home.Region;
        if (sector == "public" && level == "national" && city is null)
        {
            region = null;
        }

        var country = city?.Country ?? home.Country;
        if (city is not null)
        {
            evidence.Add(home.CityEvidence("city", PlaceIndex.PlainName(city.Name)));
        }

        if (region is not null)
        {
            evidence.Add(home.RegionEvidence(region, inferred: city is not null && home.RegionSaid is null));
        }

        if (country is not null)
        {
            evidence.Add(home.CountryEvidence(country, inferred: city is not null));
        }

        if (!sectorUnread)
        {
            // No word naming a sector: by the contract an unclear group is "other".
            evidence.AddRange(assessment?.Evidence ?? [new FieldEvidence("sector", "other", 0.6, null, MessagePart.OwnWords)]);
        }

        var monthFirst = country == "US" || (country is null && content.SentAt?.Offset.TotalHours is <= -4 and >= -10);
        var dates = Read("visit dates", reasons, null, () => FindDates(segments, content, monthFirst));
        if (dates is not null)
        {
            evidence.Add(dates.Evidence("arrivalDate", dates.Arrival));
            evidence.Add(dates.Evidence("departureDate", dates.Departure));
        }

        var size = Read("delegation size", reasons, null, () => FindSize(segments, languages, content));
        if (size is not null)
        {
            evidence.Add(size);
        }

        var themes = Read("themes", reasons, [], () => FindThemes(segments, content));
        evidence.AddRange(themes);
        var referral = Read("referring municipality", reasons, null, () => FindReferral(all, content));
        if (referral is not null)
        {
            evidence.Add(referral);
        }

        // A value the extractor is not sure enough of is left for a person rather than guessed.
        var doubtful = evidence.Where(e => e.Confidence < ConfidenceThresholds.For(e.Field)).ToList();
        foreach (var guess in doubtful)
        {
            reasons.Add($"The {ConfidenceThresholds.Describe(guess.Field)} is not clear enough to fill in (perhaps {guess.Value}). Please read the mail.");
        }

        evidence.RemoveAll(e => doubtful.Contains(e));
        bool Sure(string field) => !doubtful.Any(d => d.Field == field);

        // Not an enquiry at all (an auto-reply, a bounce, a newsletter, spam): no facts, a person decides.
        if (Read("whether it is an enquiry", reasons, null, () => _recognition.WhyNot(content, outside, dates is not null, size is not null || themes.Count > 0)) is { } notAnEnquiry)
        {
            return new ExtractedEnquiry
            {
                Language = language,
                ReviewReasons = reasons.Append(notAnEnquiry).Distinct(StringComparer.Ordinal).ToList(),
                Evidence = evidence.Where(e => e.Field == "language").ToList(),
            };
        }

        return new ExtractedEnquiry
        {
            Language = Sure("language") ? language : null,
            Country = Sure("country") ? country : null,
            Region = Sure("region") ? region : null,
            City = city is null || !Sure("city") ? null : PlaceIndex.PlainName(city.Name),
            Sector = sectorUnread || !Sure("sector") ? null : sector ?? "other",
            Level = sector == "public" && Sure("level") ? level : null,
            DelegationSize = size is null || !Sure("delegationSize") ? null : int.Parse(size.Value, CultureInfo.InvariantCulture),
            ArrivalDate = Sure("arrivalDate") ? dates?.Arrival : null,
            DepartureDate = Sure("departureDate") ? dates?.Departure : null,
            Themes = themes.Where(t => !doubtful.Contains(t)).Select(t => t.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ReferredBy = Sure("referredBy") ? referral?.Value : null,
            ReviewReasons = reasons.Distinct(StringComparer.Ordinal).ToList(),
            Evidence = evidence,
        };
    }

    // How much text there is to tell a language by: a Chinese, Japanese or Korean character says about as much as three letters.
    private static int Letters(string text) => TextKind.CountLatinLetters(text) + (text.Count(c => TextKind.IsUnspaced(c) || TextKind.IsThai(c)) * 3);

    private static MailContent Bounded(MailContent content) => content with
    {
        Text = Readable(content.Text)!,
        Subject = Readable(content.Subject),
        FromName = Readable(content.FromName),
        Attachments = content.Attachments?.Select(a => a with { Text = Readable(a.Text)! }).ToList()!,
    };

    // At most MaxReadLength, cut at the last line break before the limit when there is one near it, so that no date
    // or name is cut in two. Composed, as the names and cues are written: Windows-1258 (Vietnamese) and some Mac mail
    // send a letter and its accents as separate characters, and "Thứ Hai" would not be found. Encoded data blanked.
    private static string? Readable(string? text)
    {
        if (text is null)
        {
            return text;
        }

        if (text.Length > MaxReadLength)
        {
            var lineEnd = text.LastIndexOf('\n', MaxReadLength - 1, 1_000);
            text = text[..(lineEnd > 0 ? lineEnd : MaxReadLength)];
        }

        text = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return WithoutEncodedRuns(text);
    }

    /// <summary>
    /// Runs of <see cref="EncodedRunLength"/> or more ASCII characters without a space, with a letter or digit among
    /// them (base64 that a mailer left in the text, a long link, a token, a hex dump), as spaces: no word of any
    /// language is that long, they hold no facts but digits that look like dates ("5/3"), and every pattern and phrase
    /// scan would try each of their characters. Lines of one sign ("-----", "_____") stay: they separate messages.
    /// </summary>
    internal static string WithoutEncodedRuns(string text)
    {
        char[]? blanked = null;
        var start = 0;
        var wordLike = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c is > ' ' and < '\u007F')
            {
                wordLike |= char.IsAsciiLetterOrDigit(c);
                continue;
            }

            if (i - start >= EncodedRunLength && wordLike)
            {
                blanked ??= text.ToCharArray();
                Array.Fill(blanked, ' ', start, i - start);
            }

            start = i + 1;
            wordLike = false;
        }

        return blanked is null ? text : new string(blanked);
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

    /// <summary>Words a value was read from, and where they stand in the mail.</summary>
    private sealed record Said(string Quote, MessagePart Part)
    {
        public static Said In(List<MailSegment> segments, string? subject, int text, int start, int end)
        {
            if (text >= segments.Count)
            {
                return new Said(EvidenceQuote.Around(subject ?? string.Empty, start, end), MessagePart.Subject);
            }

            var segment = segments[text];
            return new Said(EvidenceQuote.Around(segment.FullText, start, end), PartOf(segment, start));
        }
    }

    private sealed record Home(Geography.City? City, bool CitySeated, string? Region, string? Country, List<(int Segment, int Start, int End)> Mentions)
    {
        public static Home Unknown { get; } = new(null, false, null, null, []);

        public double Confidence { get; init; }

        public Said? CitySaid { get; init; }

        public Said? RegionSaid { get; init; }

        public Said? CountrySaid { get; init; }

        public FieldEvidence CityEvidence(string field, string value) =>
            new(field, value, Confidence, CitySaid?.Quote, CitySaid?.Part ?? MessagePart.OwnWords);

        // A region or country that follows from the city is as sure as the city and shown with its words.
        public FieldEvidence RegionEvidence(string value, bool inferred)
        {
            var said = inferred ? CitySaid : RegionSaid ?? CitySaid;
            return new FieldEvidence("region", value, Confidence, said?.Quote, said?.Part ?? MessagePart.OwnWords);
        }

        public FieldEvidence CountryEvidence(string value, bool inferred)
        {
            // Where the country itself is named, those words; else the city's or region's it follows from.
            var said = CountrySaid ?? (inferred ? CitySaid : RegionSaid ?? CitySaid);
            return new FieldEvidence("country", value, Confidence, said?.Quote, said?.Part ?? MessagePart.OwnWords);
        }
    }

    // A segment's FullText is its body, a line break, then its signature.
    private static MessagePart PartOf(MailSegment segment, int index) =>
        segment.DisclaimerStart >= 0 && index >= segment.DisclaimerStart ? MessagePart.Disclaimer
        : index > segment.Body.Length ? MessagePart.Signature
        : segment.Kind;

    // How sure the best of several scored candidates is: its score against the runner-up's, damped for a lone
    // weak mention ("Suzhou" once, nowhere said to be home).
    private static double Sureness(double best, double runnerUp) => Math.Round(Math.Clamp(best / (best + runnerUp + 0.5), 0, 1), 2);

    private Home FindHome(List<MailSegment> segments, List<string?> languages, string? subject, int? sentYear)
    {
        var cityScores = new Dictionary<Geography.City, (double Score, int First, (int Text, int Start, int End) At)>();
        var regionScores = new Dictionary<(string Region, string Country), double>();
        var countryScores = new Dictionary<string, double>(StringComparer.Ordinal);
        var regionAt = new Dictionary<string, (int Text, int Start, int End)>(StringComparer.Ordinal);
        var countryAt = new Dictionary<string, (int Text, int Start, int End)>(StringComparer.Ordinal);
        var mentionedRegions = new HashSet<string>(StringComparer.Ordinal);
        var mentionedCountries = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<(int Segment, int Start, int End)>();
        var seated = new HashSet<Geography.City>();
        var order = 0;
        var texts = segments.Select(s => s.FullText).Append(subject ?? string.Empty).ToList();
        var cityMatches = new List<(List<Geography.City> Cities, double Score, int Order, (int Text, int Start, int End) At)>();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            var language = t < languages.Count ? languages[t] : null;
            var context = _context.Scan(text);
            var places = _places.Scan(text);
            var otherStops = OtherStops(text, places);
            // A travel agency's, organiser's or embassy's signature gives where its office is.
            var goBetween = t < segments.Count && segments[t].Signature.Length > 0 && _intermediaries.Scan(segments[t].Signature).Count > 0;
            foreach (var match in places)
            {
                order++;
                var weight = Weight(text, match, context, sentYear) * (t < segments.Count ? PartWeight(segments[t], match.Start) : 1) * (otherStops.Contains(match.Start) ? 0.25 : 1)
                    * (goBetween && match.Start > segments[t].Body.Length ? 0.2 : 1);
                var at = (t, match.Start, match.End);
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
                            regionAt.TryAdd(place.Region!, at);
                            break;
                        case PlaceKind.Country:
                            mentionedCountries.Add(place.Country!);
                            countryScores[place.Country!] = countryScores.GetValueOrDefault(place.Country!) + weight;
                            countryAt.TryAdd(place.Country!, at);
                            break;
                        case PlaceKind.Demonym:
                            countryScores[place.Country!] = countryScores.GetValueOrDefault(place.Country!) + (weight * 0.8);
                            countryAt.TryAdd(place.Country!, at);
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

                    cityMatches.Add((cities, weight, order, at));
                }
            }
        }

        // The writers' addresses: a country's domain (wang@hrbdrc.example.cn, …@klimat.gov.pl) is half a mention of
        // where they are, which only decides where the words name no place. Danish and Swedish writers forward.
        var domains = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            if (CountryDomain(segment.From) is { } domain)
            {
                // Half a mention; a whole one under the country's government or academic domain (sfaa.gov.tw,
                // mofa.go.kr, chungbuk.ac.kr), which only its public bodies and universities are given.
                countryScores[domain.Country] = countryScores.GetValueOrDefault(domain.Country) + (IsOfficialDomain(domain.Name) ? 1 : 0.5);
                domains.TryAdd(domain.Country, domain.Name);
            }
        }

        foreach (var (cities, score, first, at) in cityMatches)
        {
            // Homonyms ("Suzhou"): the one whose province or country the text names.
            var city = cities.FirstOrDefault(c => mentionedRegions.Contains(c.Region) && c.Region != c.Name)
                ?? cities.FirstOrDefault(c => mentionedCountries.Contains(c.Country))
                ?? cities[0];
            var previous = cityScores.GetValueOrDefault(city, (0, first, at));
            cityScores[city] = (previous.Score + score, Math.Min(previous.First, first), previous.First <= first ? previous.At : at);
        }

        var ranked = cityScores
            .Select(entry => (City: entry.Key, Score: entry.Value.Score + (mentionedRegions.Contains(entry.Key.Region) ? 0.5 : 0), entry.Value.First, entry.Value.At))
            .Where(entry => entry.Score >= 0.5)
            .OrderByDescending(entry => entry.Score).ThenBy(entry => entry.First)
            .ToList();
        var regions = regionScores.OrderByDescending(r => r.Value).ToList();
        var countries = countryScores.OrderByDescending(c => c.Value).ToList();
        Said SaidAt((int Text, int Start, int End) at) => Said.In(segments, subject, at.Text, at.Start, at.End);
        // A province said more strongly than any city ("浙江省人民政府", with Oslo only another stop) is the home,
        // unless the city lies in it.
        var regionFirst = ranked.Count > 0 && regions.Count > 0 && regions[0].Value > ranked[0].Score && ranked[0].City.Region != regions[0].Key.Region;
        if (ranked.Count > 0 && !regionFirst)
        {
            var best = ranked[0];
            // Another city of the same region or country is no rival for them, only for the city.
            var rival = ranked.Skip(1).Select(r => r.Score).FirstOrDefault();
            return new Home(best.City, seated.Contains(best.City), best.City.Region, best.City.Country, mentions)
            {
                Confidence = Sureness(best.Score, rival),
                CitySaid = SaidAt(best.At),
                RegionSaid = regionAt.TryGetValue(best.City.Region, out var r) ? SaidAt(r) : null,
                CountrySaid = countryAt.TryGetValue(best.City.Country, out var c) ? SaidAt(c) : null,
            };
        }

        if (regions.Count > 0 && regions[0].Value > 0)
        {
            var best = regions[0];
            return new Home(null, false, best.Key.Region, best.Key.Country, mentions)
            {
                Confidence = Sureness(best.Value, regions.Skip(1).Select(r => r.Value).FirstOrDefault()),
                RegionSaid = SaidAt(regionAt[best.Key.Region]),
                CountrySaid = countryAt.TryGetValue(best.Key.Country, out var c) ? SaidAt(c) : null,
            };
        }

        if (countries.Count > 0 && countries[0].Value > 0)
        {
            var best = countries[0];
            return new Home(null, false, null, best.Key, mentions)
            {
                Confidence = Sureness(best.Value, countries.Skip(1).Select(c => c.Value).FirstOrDefault()),
                // Said nowhere but in the writer's address: the domain, which names no person.
                CountrySaid = countryAt.TryGetValue(best.Key, out var c) ? SaidAt(c) : new Said(domains[best.Key], MessagePart.SenderName),
            };
        }

        return new Home(null, false, null, null, mentions);
    }

    private static bool IsOfficialDomain(string name) =>
        name.Split('.') is { Length: >= 3 } labels && labels[^2].ToLowerInvariant() is "gov" or "go" or "gob" or "govt" or "gouv" or "edu" or "ac";

    private static (string Country, string Name)? CountryDomain(string? from)
    {
        var at = from?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return null;
        }

        var end = from!.IndexOfAny(['>', ' ', ')', ']'], at);
        var name = end < 0 ? from[(at + 1)..] : from[(at + 1)..end];
        var dot = name.LastIndexOf('.');
        var top = dot < 0 ? string.Empty : name[(dot + 1)..].ToUpperInvariant();
        top = top == "UK" ? "GB" : top;
        return top.Length == 2 && top is not ("DK" or "SE" or "EU") && Geography.CountryDirectory.Default.Find(top) is { } country ? (country.Code, name) : null;
    }

    // Where a mention stands says how much it speaks for the delegation: the words of the mail or the original
    // it forwards count fully, quoted history less (a reply's own words win), a disclaimer not at all.
    private static double PartWeight(MailSegment segment, int index) => PartOf(segment, index) switch
    {
        MessagePart.Quoted => 0.6,
        MessagePart.Disclaimer => 0,
        _ => 1,
    };

    // How much a place mention says "the delegation is from here": "from X", "X Municipal", X市 count more;
    // "to X", "then X" (another stop) count less.
    private static double Weight(string text, PhraseMatch<Place> match, List<PhraseMatch<string>> context, int? sentYear)
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
        // A street named after a city (徐州路, 南京东路, "Nanjing Road", "Pekingstraße") is an address, not a place.
        if (StreetAfterPlace().IsMatch(after))
        {
            return 0;
        }

        // A place with an earlier year after it ("et klimanetværksmøde i Toronto i 2024") is where something
        // happened once, not where the delegation is from.
        if (sentYear is { } year && YearAfterPlace().Match(after) is { Success: true } then && int.Parse(then.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) < year)
        {
            weight *= 0.3;
        }

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

    private sealed record SectorReading(SectorAssessment Assessment, List<FieldEvidence> Evidence);

    private SectorReading? AssessSector(List<MailSegment> segments, MailContent content, Home home)
    {
        var votes = new SectorClassifier.Votes();
        var mentionsBySegment = home.Mentions.ToLookup(m => m.Segment);
        var texts = new List<(string Text, Func<int, MessagePart> Part)>();
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var text = ForeignSignature(segment) ? segment.FullText : segment.Body;
            var sentences = new Sentences(text);
            var relevant = RelevantSentences(sentences, _context.Scan(text), mentionsBySegment[s]);
            var weight = PartWeight(segment, 0);
            votes.Source = texts.Count;
            texts.Add((text, index => PartOf(segment, index)));
            _sectors.Score(text, index => (relevant.Contains(sentences.NumberOf(index)) ? 2.0 : 1.0) * (index > segment.Body.Length ? PartWeight(segment, index) : weight), votes);
        }

        if (content.FromName is { } fromName && !IsOnePointEntry(fromName))
        {
            votes.Source = texts.Count;
            texts.Add((fromName, _ => MessagePart.SenderName));
            _sectors.Score(fromName, _ => 1.0, votes);
        }

        var fallback = home.City is not null ? "municipal" : home.Region is not null ? "provincial" : "national";
        if (votes.Decide(fallback) is not { } assessment)
        {
            return null;
        }

        FieldEvidence Evidence(string field, string value, string key, double confidence)
        {
            if (!votes.Strongest.TryGetValue(key, out var cue))
            {
                // A level no word named: the home place's kind says it (a city's delegation is municipal).
                return new FieldEvidence(field, value, confidence, null, MessagePart.OwnWords);
            }

            var (text, part) = texts[cue.Source];
            return new FieldEvidence(field, value, confidence, EvidenceQuote.Around(text, cue.Start, cue.End), part(cue.Start));
        }

        var evidence = new List<FieldEvidence> { Evidence("sector", assessment.Sector, assessment.Sector, Math.Round(votes.Share(assessment.Sector), 2)) };
        if (assessment.Level is { } level)
        {
            var share = votes.Levels.Count == 0 ? 0.5 : Math.Round(votes.LevelShare(level), 2);
            evidence.Add(Evidence("level", level, "level:" + level, share));
        }

        return new SectorReading(assessment, evidence);
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

    // The newest message that speaks of the size decides (a reply's updated number wins), then the subject, then
    // an attached programme.
    private FieldEvidence? FindSize(List<MailSegment> segments, List<string?> languages, MailContent content)
    {
        FieldEvidence? From(SizeReading reading, string text, MessagePart part) =>
            reading.Size is { } size
                ? new FieldEvidence("delegationSize", size.ToString(CultureInfo.InvariantCulture), reading.Total ? 0.95 : 0.85, EvidenceQuote.Around(text, reading.Index, reading.Index + reading.Length), part)
                : null;

        for (var s = 0; s < segments.Count; s++)
        {
            var reading = _sizes.Read(segments[s].Body, languages[s]);
            if (reading.Statement != SizeStatement.None)
            {
                return From(reading, segments[s].Body, segments[s].Kind);
            }
        }

        var subject = content.Subject ?? string.Empty;
        var fromSubject = _sizes.Read(subject, _languages.Detect(subject));
        if (fromSubject.Statement != SizeStatement.None)
        {
            return From(fromSubject, subject, MessagePart.Subject);
        }

        foreach (var attachment in content.Attachments)
        {
            var reading = _sizes.Read(attachment.Text, _languages.Detect(attachment.Text));
            if (reading.Statement != SizeStatement.None)
            {
                return From(reading, attachment.Text, MessagePart.Attachment);
            }
        }

        return null;
    }

    private sealed record VisitDates(DateOnly Arrival, DateOnly Departure, double Confidence, string Quote, MessagePart Part)
    {
        /// <summary>Given beside a foreign place only: perhaps another stop's days, perhaps the home's.</summary>
        public bool Abroad { get; init; }

        public FieldEvidence Evidence(string field, DateOnly value) =>
            new(field, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Confidence, Quote, Part);
    }

    // The newest message that gives a date decides, then the subject, then an attached programme.
    private VisitDates? FindDates(List<MailSegment> segments, MailContent content, bool monthFirst)
    {
        var sentTop = content.SentAt is { } at ? DateOnly.FromDateTime(at.DateTime) : (DateOnly?)null;
        VisitDates? abroad = null;
        foreach (var segment in segments)
        {
            var sent = SegmentSent(segment, monthFirst) ?? sentTop;
            // Never before the mail itself was written: a quoted message's own date does not move the floor back.
            if (sentTop is { } top && (sent is null || sent < top))
            {
                sent = top;
            }

            if (Choose(segment.Body, sent, monthFirst, segment.Kind) is { } found)
            {
                // A forwarding note that gives only its own leg's days ("our day in Malmö, 3 June") leaves the
                // visit's days to the original it forwards.
                if (!found.Abroad)
                {
                    return found;
                }

                abroad ??= found;
            }
        }

        return Choose(content.Subject ?? string.Empty, sentTop, monthFirst, MessagePart.Subject)
            ?? content.Attachments.Select(a => Choose(a.Text, sentTop, monthFirst, MessagePart.Attachment)).FirstOrDefault(found => found is not null)
            ?? abroad;
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

    private VisitDates? Choose(string text, DateOnly? sent, bool monthFirst, MessagePart part)
    {
        // Weekday names stand between a day and its range word ("from Tuesday 21st to Thursday 23rd April", "fra
        // mandag den 16. til onsdag den 18."): read as blanks of the same length, the positions stay the text's.
        // The quotes are the original's words, at the same positions.
        var written = text;
        text = _weekdays.Blank(text);
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
        var legPlaces = LegPlaces(text, _places.Scan(text));
        var destinations = _journeyDestinations.Scan(text);
        var candidates = new List<DateCandidate>();
        var previousEnd = 0;
        var mentions = _dates.Find(text, monthFirst);
        var statedYears = _dates.StatedYears(text, mentions);
        foreach (var found in mentions)
        {
            var mention = found.From.Year is null && statedYears.TryGetValue(found.From.Month, out var stated) && stated >= (sent?.Year ?? 0)
                ? found with { From = found.From with { Year = stated }, To = found.To with { Year = found.To.Year ?? (found.To.Month < found.From.Month ? stated + 1 : stated) } }
                : found;
            var previous = previousEnd;
            previousEnd = mention.Index + mention.Length;
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
            // An arrival or departure word stands a few words before its date ("get in late on Sunday 5/9"), or
            // further where the journey's other end comes between ("leave for Helsinki on the morning of 25
            // March"), but never with another date in between.
            // In Chinese, Japanese and Korean a word just after the previous date is that date's (7月6日上午抵达哥本哈根，7月8日…).
            var unspaced = last >= 0 && TextKind.IsUnspaced(text[cues[last].Start]);
            var nearCue = last >= 0 && cues[last].End >= previous && mention.Index - cues[last].End <= (unspaced ? 20 : 45)
                && !(unspaced && previous > 0 && cues[last].Start - previous <= 6) ? cues[last] : default;
            // Chinese, Japanese and Korean put the word after the date: 3月18日离开, 15일 출발.
            // The nearer word wins: in "3月15日抵达哥本哈根，3月18日离开" 抵达 stands before the second date too.
            var next = last + 1;
            var after = next < cues.Count ? cues[next].Start - (mention.Index + mention.Length) : int.MaxValue;
            // Further on in the same clause too: "6月14日（周日）晚  乘火车由斯德哥尔摩抵达哥本哈根".
            if (after is >= 0 and <= 20 && TextKind.IsUnspaced(text[cues[next].Start]) && (nearCue.Values is null || after < mention.Index - nearCue.End)
                && (after <= 6 || text.AsSpan(mention.Index + mention.Length, after).IndexOfAny(s_clauseEnds) < 0))
            {
                nearCue = cues[next];
            }

            var cue = nearCue.Values is null ? null : nearCue.Values.Contains("arrival") ? "arrival" : "departure";
            // A day that goes on to a foreign place ("7月8日晚乘飞机前往赫尔辛基") is a departure day.
            var placeAfter = FirstStartingAt(legPlaces, mention.Index + mention.Length);
            var goesAbroad = placeAfter < legPlaces.Count && !legPlaces[placeAfter].Danish && legPlaces[placeAfter].Start - (mention.Index + mention.Length) <= 15 && Follows(destinations, legPlaces[placeAfter].Start);
            cue ??= goesAbroad ? "departure" : null;
            // A foreign place the journey goes to between a departure word and its date ("leave for Helsinki on 25
            // March") is not where that day is spent; "arrive in Copenhagen on 7 June" is.
            var cueEnd = nearCue.Values is not null && nearCue.End <= mention.Index ? nearCue.End : mention.Index;
            // Likewise a foreign place the date's day goes to ("7月8日晚乘飞机前往赫尔辛基").
            var leg = NearestLeg(
                text,
                legPlaces,
                sentences.Of(mention.Index),
                mention.Index,
                mention.Index + mention.Length,
                p => (p.Start >= cueEnd && p.Start < mention.Index && !p.Danish && Follows(destinations, p.Start)) || (goesAbroad && p.Start == legPlaces[placeAfter].Start));
            candidates.Add(new DateCandidate(days.From, days.To, score, mention.Index, cue, mention.Index + mention.Length, leg));
        }

        candidates.AddRange(DepartureDays(text, cues, candidates));

        // An itinerary of several stops, each with its days ("Stockholm 12-13 May, Copenhagen 14-16 May, then
        // Oslo"): only the days of the Danish leg are the visit. Two dates at two different places make a tour;
        // one date beside the delegation's home city does not.
        var tour = candidates.Where(c => c.Leg is not null).Select(c => c.Leg!.Value).Distinct().Count() >= 2;
        if (tour)
        {
            candidates = candidates.Where(c => c.Leg is not { Danish: false }).ToList();
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // "arrive on 11 May ... leave on 14 May": a departure day closes the visit the first day before it opens.
        var departure = candidates.FirstOrDefault(c => c.Cue == "departure" && c.From == c.To);
        var arrival = candidates.FirstOrDefault(c => c.Cue == "arrival" && c.From == c.To);
        if (departure is not null && !candidates.Any(c => c.From != c.To))
        {
            var first = arrival ?? candidates.Where(c => c.Index < departure.Index).OrderBy(c => c.Index).FirstOrDefault();
            if (first is not null && first.Index < departure.Index && first.From <= departure.From)
            {
                return new VisitDates(first.From, departure.To, Sure(0.85), EvidenceQuote.Around(written, first.Index, departure.End), part);
            }
        }

        // Dates given for a Danish place are the visit's even where the other stops' places are not known.
        if (candidates.Any(c => c.Leg is { Danish: true }))
        {
            candidates = candidates.Where(c => c.Leg is null or { Danish: true }).ToList();
        }

        var best = candidates.OrderByDescending(c => c.Score + (c.Leg is { Danish: true } ? 2 : 0)).ThenBy(c => c.Index).First();
        // A programme gives the visit day by day ("16 March arrival", "17-18 March visits"): the days that follow
        // on from the chosen ones without a gap belong to the same stay.
        var (from, to) = (best.From, best.To);
        var merged = true;
        while (merged)
        {
            merged = false;
            // Only days of the same stop: dates beside another place (a stop the place data may not know) or
            // beside none, when the chosen ones name Denmark, are another leg.
            // An arrival or departure day beside no place is the visit's first or last (an evening arrival counts),
            // and a day beside no place in the same sentence as the chosen ones is the same stay ("arrive in
            // Copenhagen on 22 March, have meetings on 23 and 24 March").
            var bestSentence = sentences.Of(best.Index);
            foreach (var other in candidates.Where(c => c.Leg?.Danish == best.Leg?.Danish || (c.Leg is null && (c.Cue is not null || sentences.Of(c.Index) == bestSentence))))
            {
                if (other.From.DayNumber <= to.DayNumber + 1 && other.To.DayNumber >= from.DayNumber - 1 && (other.From < from || other.To > to)
                    && Math.Max(to.DayNumber, other.To.DayNumber) - Math.Min(from.DayNumber, other.From.DayNumber) <= 14)
                {
                    (from, to) = (other.From < from ? other.From : from, other.To > to ? other.To : to);
                    merged = true;
                }
            }
        }

        // Said with the visit (a range, Denmark, the delegation, an arrival word) is sure; a lone date less so,
        // and less again when another date scores as well.
        var rivals = candidates.Count(c => c.Score == best.Score && (c.To < from || c.From > to));
        var confidence = (best.Score >= 3 ? 0.9 : best.Score >= 2 ? 0.8 : best.Cue is not null ? 0.75 : 0.55) - (rivals > 0 ? 0.2 : 0);
        return new VisitDates(from, to, Sure(confidence), EvidenceQuote.Around(written, best.Index, best.End), part) { Abroad = best.Leg is { Danish: false } };

        double Sure(double value) => Math.Round(part == MessagePart.Quoted ? value * 0.8 : value, 2);
    }

    private static int FirstStartingAt(List<(int Start, int End, bool Danish)> places, int position)
    {
        int low = 0, high = places.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (places[middle].Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // A departure said with its day alone, after a dated arrival ("llegaremos el 8 de junio … y nos marcharemos el
    // jueves 10", "leave on the 12th", "3月13日抵达，15日下午离开"): the next such day after the arrival.
    private static IEnumerable<DateCandidate> DepartureDays(string text, List<PhraseMatch<string>> cues, List<DateCandidate> dated)
    {
        // A mail says its departure a few times at most: a text full of departure words is not read past the
        // first twenty, so the look at the dates before each stays bounded.
        foreach (var cue in cues.Where(c => c.Values.Contains("departure")).Take(20))
        {
            var latin = DayAfterCue().Match(text, cue.End, Math.Min(text.Length - cue.End, 40));
            var before = text[Math.Max(0, cue.Start - 8)..cue.Start];
            var cjk = DayBeforeCue().Match(before);
            var (day, at) = latin.Success ? (int.Parse(latin.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), latin.Groups["d"].Index)
                : cjk.Success ? (int.Parse(cjk.Groups["d"].ValueSpan, CultureInfo.InvariantCulture), cue.Start - before.Length + cjk.Groups["d"].Index)
                : (0, -1);
            var arrival = dated.LastOrDefault(c => c.End <= at && at - c.End <= 200 && c.From == c.To);
            if (day is < 1 or > 31 || arrival is null || dated.Any(c => c.Index <= at && c.End > at))
            {
                continue;
            }

            var month = new DateOnly(arrival.From.Year, arrival.From.Month, 1);
            var next = day >= arrival.From.Day ? month : month.AddMonths(1);
            if (day <= DateTime.DaysInMonth(next.Year, next.Month))
            {
                var date = new DateOnly(next.Year, next.Month, day);
                if (date.DayNumber - arrival.From.DayNumber <= 14)
                {
                    yield return new DateCandidate(date, date, 0, at, "departure", at + latin.Length, arrival.Leg);
                }
            }
        }
    }

    // Whether one of the words ends just before the position (a space between at most).
    private static bool Follows(List<PhraseMatch<bool>> words, int start)
    {
        var last = PhraseMatches.LastEndingBy(words, start);
        return last >= 0 && start - words[last].End <= 1;
    }

    private sealed record DateCandidate(DateOnly From, DateOnly To, double Score, int Index, string? Cue, int End, (int Start, bool Danish)? Leg);

    // The foreign places an itinerary gives days for besides Denmark ("Stockholm 12-13 May, Copenhagen 14-16
    // May"): other stops of the tour, not the delegation's home. Only where the text has a Danish leg too.
    private HashSet<int> OtherStops(string text, List<PhraseMatch<Place>> places)
    {
        var legs = LegPlaces(text, places);
        if (!legs.Any(l => l.Danish) || !legs.Any(l => !l.Danish))
        {
            return [];
        }

        var sentences = new Sentences(text);
        var stops = new HashSet<int>();
        List<DateMention> mentions;
        try
        {
            mentions = _dates.Find(_weekdays.Blank(text), monthFirst: false);
        }
        catch (RegexMatchTimeoutException)
        {
            // Dates that cannot be read in time only cost the home its hint about other stops; the dates' own
            // reader says so for the dates.
            return [];
        }

        foreach (var mention in mentions)
        {
            if (NearestLeg(text, legs, sentences.Of(mention.Index), mention.Index, mention.Index + mention.Length) is { Danish: false } leg)
            {
                // The stop's whole name: a country and its city written together ("挪威奥斯陆", "Oslo, Norway").
                var at = legs.FindIndex(l => l.Start == leg.Start);
                var first = at;
                while (first > 0 && !legs[first - 1].Danish && legs[first].Start - legs[first - 1].End <= 2)
                {
                    first--;
                }

                var last = at;
                while (last + 1 < legs.Count && !legs[last + 1].Danish && legs[last + 1].Start - legs[last].End <= 2)
                {
                    last++;
                }

                for (var l = first; l <= last; l++)
                {
                    stops.Add(legs[l].Start);
                }
            }
        }

        return stops;
    }

    // The places of a text that an itinerary's legs can be at: Danish ones (Denmark, Copenhagen, a Danish
    // municipality) and foreign cities, regions and countries; not a foreign place a journey starts from ("we come
    // down from Stockholm"). The place matches are the caller's: the home's reading has them already and should not scan again.
    private List<(int Start, int End, bool Danish)> LegPlaces(string text, List<PhraseMatch<Place>> places)
    {
        var origins = _journeyOrigins.Scan(text);
        var legs = _nordicStops.Scan(text).Where(m => m.Values[0] || !Follows(origins, m.Start)).Select(m => (m.Start, m.End, m.Values[0])).ToList();
        foreach (var match in places)
        {
            if (Follows(origins, match.Start) && !match.Values.Any(p => p.Country == "DK"))
            {
                continue;
            }

            if (match.Values.Any(p => p.Country == "DK"))
            {
                legs.Add((match.Start, match.End, true));
            }
            else if (match.Values.Any(p => p.Kind is PlaceKind.City or PlaceKind.Region or PlaceKind.Country or PlaceKind.Municipality))
            {
                legs.Add((match.Start, match.End, false));
            }
        }

        legs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return legs;
    }

    // The place a date is given for: the nearest in its sentence, within a short reach ("Stockholm 12-13 May",
    // "10月14日-16日在丹麦", a programme's row); a place before the date wins a tie.
    private static (int Start, bool Danish)? NearestLeg(string text, List<(int Start, int End, bool Danish)> places, (int Start, int End) sentence, int start, int end, Func<(int Start, int End, bool Danish), bool>? journeysOtherEnd = null)
    {
        const int Reach = 40;
        // After the date the place follows at once ("14-16 May in Copenhagen", "10月14日-16日在丹麦"); a place further on,
        // or inside a bracket that opens after it ("22 March (the Air China flight …)"), is about something else.
        const int ReachAfter = 15;
        (int Start, bool Danish)? nearest = null;
        var best = int.MaxValue;
        foreach (var place in places)
        {
            if (place.Start < sentence.Start || place.End > sentence.End || journeysOtherEnd?.Invoke(place) == true)
            {
                continue;
            }

            var after = place.Start >= end;
            var distance = place.End <= start ? start - place.End : after ? place.Start - end + 1 : 0;
            if (after && (distance > ReachAfter || text.AsSpan(end, place.Start - end).IndexOfAny('(', '（') >= 0))
            {
                continue;
            }

            if (distance <= Reach && distance < best)
            {
                best = distance;
                nearest = (place.Start, place.Danish);
            }
        }

        return nearest;
    }

    // What the delegation asks to see: the subject, the messages' own text (not signatures, and not
    // One-Point Entry's replies) and attached programmes, weighed by the rules of ThemeReader; each text is read in
    // its own language, the subject in any of the mail's; one piece of evidence per theme, where it says most.
    private List<FieldEvidence> FindThemes(List<MailSegment> segments, MailContent content)
    {
        var bodies = segments.Select(s => new ThemeText(s.Body, s.Kind, LanguagesOf(s.Body))).ToList();
        var mailLanguages = bodies.SelectMany(b => b.Languages).Distinct(StringComparer.Ordinal).ToList();
        var subject = new ThemeText(content.Subject ?? string.Empty, MessagePart.Subject, [.. LanguagesOf(content.Subject).Concat(mailLanguages).Distinct(StringComparer.Ordinal)]);
        var attachments = content.Attachments.Select(a => new ThemeText(a.Text, MessagePart.Attachment, LanguagesOf(a.Text)));
        return [.. ThemeReader.Default.Read(bodies.Prepend(subject).Concat(attachments))];
    }

    private string[] LanguagesOf(string? text) => _languages.Detect(text) is { } language ? [language] : [];

    // The Danish or Swedish municipality or region that sent the mail to One-Point Entry: the writer of the
    // newest message, recognised by the signature, the sender's name or (for a note by a Danish or Swedish
    // writer) the municipality the note speaks for.
    private FieldEvidence? FindReferral(List<MailSegment> all, MailContent content)
    {
        var top = all.FirstOrDefault(s => !IsOnePointEntry(s.From)) ?? all[0];
        FieldEvidence? FirstMunicipality(string? text, bool skipAddressed, MessagePart part, double confidence)
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

                return new FieldEvidence("referredBy", municipality.Name, confidence, EvidenceQuote.Around(text, match.Start, match.End), part);
            }

            return null;
        }

        var fromSignature = FirstMunicipality(top.Signature, skipAddressed: false, MessagePart.Signature, 0.9)
            ?? FirstMunicipality(content.FromName, skipAddressed: false, MessagePart.SenderName, 0.85);
        if (fromSignature is not null)
        {
            return fromSignature;
        }

        var scandinavian = content.FromAddress is { } address && (address.EndsWith(".dk", StringComparison.OrdinalIgnoreCase) || address.EndsWith(".se", StringComparison.OrdinalIgnoreCase));
        var language = _languages.Detect(top.Body);
        return scandinavian && language is "da" or "sv" ? FirstMunicipality(top.Body, skipAddressed: true, top.Kind, 0.7) : null;
    }

    [GeneratedRegex(@"^,?\s+(?:in|i|im|en|em|w|à|på|back in|tilbage i|år)\s+(?<year>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex YearAfterPlace();

    // The day after a departure word: an article or "on" may come between, an ordinal ending after; not a count,
    // a time or the start of a full date.
    [GeneratedRegex(@"\G\s*(?:(?:on|the|el|den|le|o|am|om|em|na|dia|ngày)\s+){0,2}(?<d>[0-3]?\d)(?:st|nd|rd|th|\.)?(?=\s*(?:[,;.)](?!\d)|$|(?:al|a|in|in the|på|om|am|de la|por|à|to|til)\s+(?!\d)))", RegexOptions.IgnoreCase)]
    private static partial Regex DayAfterCue();

    // Chinese, Japanese and Korean put the departure word after the day: 15日下午离开.
    [GeneratedRegex(@"(?<![月\d])(?<d>[0-3]?\d)\s*[日号號일]\s*\S{0,3}$")]
    private static partial Regex DayBeforeCue();

    [GeneratedRegex(@"^(?:[东西南北中東]?[路街巷弄]|大道|大街|\s+(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.?|Boulevard|Lane)\b|(?:straße|strasse|vej|gade|gatan|vägen|weg)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAfterPlace();
}
