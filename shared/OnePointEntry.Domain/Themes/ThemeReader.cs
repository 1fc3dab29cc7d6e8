using System.Buffers;
using System.Globalization;
using OnePointEntry.Extraction;

namespace OnePointEntry.Themes;

/// <summary>A text to read themes from: where it stands in the mail and the languages it is written in.</summary>
/// <param name="Text">The text as the mail has it (line breaks kept: they end list items and address lines).</param>
/// <param name="Part">Where it stands.</param>
/// <param name="Languages">ISO 639-1 codes it is written in; empty when not known (every keyword is then read).</param>
internal sealed record ThemeText(string Text, MessagePart Part, IReadOnlyCollection<string> Languages);

/// <summary>One keyword found, with what it is worth and why (for the evidence and for tests).</summary>
internal sealed record ThemeMention(string Theme, int Weight, MessagePart Part, int Text, int Sentence, ThemeKeyword Keyword, string Reason, string Source, int Start, int End)
{
    // Asked only of the mention a theme's evidence shows and when a person asks why: a text of keywords on every
    // line would otherwise build a quote and a description for each of them.
    public string Why => string.Create(CultureInfo.InvariantCulture, $"{Source[Start..End]} ({Keyword.Language}{(Keyword.Weak ? ", weak" : string.Empty)}): {Reason}");

    public string Quote => EvidenceQuote.Around(Source, Start, End);
}

/// <summary>
/// Which themes a mail is about: the subjects the delegation wants to learn about or discuss, not every
/// subject its words touch. Each keyword found (<see cref="ThemeTaxonomy"/>, in the text's language) is
/// weighed in its sentence, the cue words coming from <c>Data/theme-cues.json</c>:
/// <list type="number">
/// <item>A keyword is read only in a text in its own language (English everywhere, Chinese characters in any text).</item>
/// <item>A keyword that is part of a name counts for nothing: a street (Energivej, Hafenstraße), a compound name
/// (HafenCity), or a capitalised word beside another capitalised one in an ordinary sentence (Aarhus Havn, Harbour
/// Bridge, Trade Commissioner, Medio Ambiente). Keywords the data writes with a capital (Maersk) are names that
/// are the topic.</item>
/// <item>A keyword on an address or contact line counts for nothing (Songdo Technopark, Tel. ...).</item>
/// <item>A keyword after a negation in the same clause ("not interested in", "rather than", 不包括), or before a
/// phrase that leaves it out ("that is not what the visit is about"), counts for nothing.</item>
/// <item>Otherwise a keyword is worth 2, or 1 when the data marks it weak (a word with other senses).</item>
/// <item>A keyword in a request ("we would like to learn about", 希望考察, 방문, 視察, or a list such a sentence
/// introduces) or in the subject is worth 1 more.</item>
/// <item>A keyword describing the sender ("we are a logistics group", 本公司为, the members' offices) or said in
/// passing (hotel, flight, "by the way") is worth 1 less.</item>
/// <item>A theme is found when its sentences, each counted once at its best keyword, are worth 2 together: one
/// plain keyword, a weak one in a request, or weak ones in two sentences. Its evidence is its best keyword.</item>
/// </list>
/// </summary>
internal sealed class ThemeReader
{
    private const int Enough = 2;

    // How far a negation reaches forward: a few words ("not interested in visiting the ..."), a few characters
    // in Chinese, Japanese and Korean.
    private const int NegationReach = 40;
    private const int NegationReachUnspaced = 14;

    // How far around a keyword its sentence is read for names and titles: enough for any name, and a crafted
    // sentence of a hundred thousand characters is not read again for each of its keywords.
    private const int NameReach = 200;

    // How many sentences a request's list may run to.
    private const int ListReach = 30;

    // A line at least this wide (Chinese, Japanese and Korean characters count two) is a paragraph broken to fit
    // the mail's width: its break does not end the sentence.
    private const int WrappedLineWidth = 60;

    private static readonly Lazy<ThemeReader> s_default = new(() => new ThemeReader(ThemeTaxonomy.Default, ThemeCues.Default, LanguageDetector.Default));

    private readonly ThemeTaxonomy _taxonomy;
    private readonly LanguageDetector _languages;
    private readonly PhraseScanner<Cue> _cues;
    private readonly string[] _nameSuffixes;
    private readonly SearchValues<string> _contactMarkers;
    private readonly string[] _organisationSuffixes;
    private readonly HashSet<string> _particles;
    private readonly HashSet<string> _placePrepositions;
    private readonly HashSet<string> _articles;
    private readonly HashSet<string> _former;

    public ThemeReader(ThemeTaxonomy taxonomy, ThemeCues cues, LanguageDetector languages)
    {
        _taxonomy = taxonomy;
        _languages = languages;
        _cues = new PhraseScanner<Cue>(
            cues.Purpose.Select(c => (c, Cue.Purpose))
                .Concat(cues.SelfDescription.Select(c => (c, Cue.Self)))
                .Concat(cues.Negations.Select(c => (c, Cue.Negation)))
                .Concat(cues.NotNegations.Select(c => (c, Cue.None)))
                .Concat(cues.NegationsAfter.Select(c => (c, Cue.NegationAfter)))
                .Concat(cues.ClauseBreaks.Select(c => (c, Cue.ClauseBreak)))
                .Concat(cues.Passing.Select(c => (c, Cue.Passing))));
        _nameSuffixes = [.. cues.NameSuffixes.Select(s => s.ToLowerInvariant()).OrderByDescending(s => s.Length)];
        _contactMarkers = SearchValues.Create([.. cues.ContactMarkers], StringComparison.OrdinalIgnoreCase);
        _organisationSuffixes = [.. cues.OrganisationSuffixes.OrderByDescending(s => s.Length)];
        _particles = Set(cues.NameParticles);
        _placePrepositions = Set(cues.PlacePrepositions);
        _articles = Set(cues.Articles);
        _former = Set(cues.FormerCues);
    }

    private static HashSet<string> Set(IEnumerable<string> words) => words.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public static ThemeReader Default => s_default.Value;

    // Of a sentence's cues, what is asked of them for every keyword: where the last request and the last
    // "left out" stand, and whether it speaks of travel.
    private readonly record struct SentenceCues(int LastPurpose, int LastNegationAfter, bool Passing);

    private enum Cue
    {
        None,
        Purpose,
        Self,
        Negation,
        NegationAfter,
        ClauseBreak,
        Passing,
    }

    /// <summary>The themes <paramref name="texts"/> are about, sorted by id, each with its best evidence.</summary>
    public IReadOnlyList<FieldEvidence> Read(IEnumerable<ThemeText> texts)
    {
        var mentions = Weigh(texts);
        var found = new List<FieldEvidence>();
        foreach (var theme in mentions.GroupBy(m => m.Theme, StringComparer.Ordinal))
        {
            // Each sentence once, at its best keyword: one sentence naming a weak word twice is still one mention.
            var sentences = theme.GroupBy(m => (m.Text, m.Sentence)).Select(s => s.MaxBy(m => m.Weight)!).ToList();
            if (sentences.Sum(m => m.Weight) < Enough)
            {
                continue;
            }

            var best = sentences.MaxBy(m => m.Weight)!;
            found.Add(new FieldEvidence("themes", theme.Key, best.Part == MessagePart.Quoted ? 0.6 : 0.8, best.Quote, best.Part));
        }

        return [.. found.OrderBy(e => e.Value, StringComparer.Ordinal)];
    }

    /// <summary>Every keyword found in <paramref name="texts"/>, in reading order, with its weight and why.</summary>
    public List<ThemeMention> Weigh(IEnumerable<ThemeText> texts)
    {
        var mentions = new List<ThemeMention>();
        var index = 0;
        foreach (var text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text.Text))
            {
                Weigh(text, index, mentions);
            }

            index++;
        }

        return mentions;
    }

    private void Weigh(ThemeText part, int index, List<ThemeMention> mentions)
    {
        var text = Lines(part.Text);
        var sentences = SentencesOf(text);
        var cues = sentences.Select(_ => new List<PhraseMatch<Cue>>()).ToList();
        foreach (var cue in _cues.Scan(text))
        {
            cues[SentenceAt(sentences, cue.Start)].Add(cue);
        }

        var purposeInherited = InheritedPurpose(text, sentences, cues);
        var summaries = cues.Select(c => new SentenceCues(
            c.FindLast(m => m.Values[0] == Cue.Purpose).Values is null ? -1 : c.FindLast(m => m.Values[0] == Cue.Purpose).Start,
            c.FindLast(m => m.Values[0] == Cue.NegationAfter).Values is null ? -1 : c.FindLast(m => m.Values[0] == Cue.NegationAfter).Start,
            c.Exists(m => m.Values[0] == Cue.Passing))).ToList();
        var contact = ContactLines(text);
        var first = part.Languages.FirstOrDefault();
        foreach (var (from, to) in Paragraphs(text))
        {
            var languages = LanguagesOf(text[from..to], part.Languages);
            foreach (var match in _taxonomy.Scan(text[from..to], languages))
            {
                var start = from + match.Start;
                var end = start + match.Length;
                var number = SentenceAt(sentences, start);
                var (sentenceStart, sentenceEnd) = sentences[number];
                var inSentence = cues[number];
                var nearest = PhraseMatches.LastEndingBy(inSentence, start);
                foreach (var keyword in match.Values)
                {
                    var (weight, why) = contact[start] ? (0, "contact line")
                        : IsName(text, start, end, keyword, Math.Max(sentenceStart, start - NameReach), Math.Min(sentenceEnd, end + NameReach), first) ? (0, "name")
                        : IsOrganisation(text, end) ? (0, "names an office")
                        : IsPlace(text, start, sentenceStart, keyword) ? (0, "a place")
                        : Negated(text, start, end, inSentence, nearest, summaries[number]) ? (0, "negated")
                        : Weight(keyword, start, inSentence, nearest, summaries[number], purposeInherited.Contains(number), part.Part);
                    mentions.Add(new ThemeMention(keyword.Theme, weight, part.Part, index, number, keyword, why, text, start, end));
                }
            }
        }
    }

    private static (int Weight, string Why) Weight(ThemeKeyword keyword, int start, List<PhraseMatch<Cue>> inSentence, int nearest, SentenceCues summary, bool inheritedPurpose, MessagePart part)
    {
        // A weak keyword is worth 1 wherever it stands (0 describing the sender or in passing): it needs a second
        // sentence whatever the first says.
        var weight = 2;

        // The nearest request or self-description before the keyword says what it is; a request after it in the
        // same sentence makes it a request too, unless the sentence began by describing the sender.
        var before = Nearest(inSentence, nearest, c => c is Cue.Purpose or Cue.Self);
        var purposeAfter = summary.LastPurpose >= start;
        var kind = before == Cue.None ? (purposeAfter || inheritedPurpose ? Cue.Purpose : Cue.None) : before;
        if (kind == Cue.Purpose || part == MessagePart.Subject)
        {
            return (keyword.Weak ? 1 : weight + 1, part == MessagePart.Subject ? "subject" : "request");
        }

        if (kind == Cue.Self)
        {
            return (keyword.Weak ? 0 : weight - 1, "describes the sender");
        }

        if (summary.Passing)
        {
            return (keyword.Weak ? 0 : weight - 1, "in passing");
        }

        return (keyword.Weak ? 1 : weight, "mentioned");
    }

    // A negation before the keyword within reach and in the same clause, or a phrase after it leaving it out.
    private static bool Negated(string text, int start, int end, List<PhraseMatch<Cue>> inSentence, int nearest, SentenceCues summary)
    {
        if (summary.LastNegationAfter >= end)
        {
            return true;
        }

        // Only the cues within reach are looked at: nothing further back can negate.
        var reach = TextKind.IsUnspaced(text[start]) ? NegationReachUnspaced : NegationReach;
        for (var i = nearest; i >= 0 && start - inSentence[i].End <= reach; i--)
        {
            if (inSentence[i].Values[0] is Cue.Negation or Cue.ClauseBreak or Cue.Purpose)
            {
                return inSentence[i].Values[0] == Cue.Negation;
            }
        }

        return false;
    }

    // The kind of the last cue at or before index that is of a kind wanted, or None.
    private static Cue Nearest(List<PhraseMatch<Cue>> cues, int index, Func<Cue, bool> wanted)
    {
        for (var i = index; i >= 0; i--)
        {
            if (wanted(cues[i].Values[0]))
            {
                return cues[i].Values[0];
            }
        }

        return Cue.None;
    }

    private bool IsName(string text, int start, int end, ThemeKeyword keyword, int sentenceStart, int sentenceEnd, string? language)
    {
        if (keyword.Proper || TextKind.IsUnspaced(text[start]))
        {
            return false;
        }

        // A compound that goes on past the keyword into a capital (HafenCity) or a street's ending (Energivej).
        if (end - start > keyword.Length)
        {
            var rest = text[(start + keyword.Length)..end];
            if (rest.Any(char.IsUpper))
            {
                return true;
            }

            var word = text[start..end].ToLowerInvariant();
            if (char.IsUpper(text[start]) && _nameSuffixes.Any(s => word.EndsWith(s, StringComparison.Ordinal) && word.Length > s.Length + 2))
            {
                return true;
            }
        }

        // A capitalised keyword beside another capitalised word, inside an ordinary sentence: a name. Not in German,
        // which writes every noun with a capital, nor in a title where every word has one.
        if (!char.IsUpper(text[start]) || language == "de" || IsSentenceStart(text, start, sentenceStart))
        {
            return false;
        }

        var words = Words(text, sentenceStart, sentenceEnd);
        if (words.Count >= 3 && words.Count(w => char.IsUpper(text[w.Start])) * 10 >= words.Count * 7)
        {
            return false;
        }

        // The words either side, over the small words of a name ("Ministry of Transport").
        var before = words.Where(w => w.End <= start).Reverse().ToList();
        var after = words.Where(w => w.Start >= end).ToList();
        var previous = before.Skip(1).FirstOrDefault();
        var neighbour = before.FirstOrDefault();
        if (neighbour.End > 0 && _particles.Contains(text[neighbour.Start..neighbour.End].ToLowerInvariant()) && previous.End > 0)
        {
            neighbour = previous;
        }

        var following = after.FirstOrDefault();
        if (following.End > 0 && _particles.Contains(text[following.Start..following.End].ToLowerInvariant()) && after.Count > 1)
        {
            following = after[1];
        }

        return (neighbour.End > 0 && char.IsUpper(text[neighbour.Start]) && !IsSentenceStart(text, neighbour.Start, sentenceStart) && start - neighbour.End <= 6)
            || (following.End > 0 && char.IsUpper(text[following.Start]) && following.Start - end <= 6);
    }

    // A Chinese, Japanese or Korean keyword that begins an office's name: 交通运输部, 能源局, 物联网行业协会.
    private bool IsOrganisation(string text, int end)
    {
        if (end == 0 || !TextKind.IsUnspaced(text[end - 1]))
        {
            return false;
        }

        foreach (var suffix in _organisationSuffixes)
        {
            var reach = suffix.Length == 1 ? 0 : 2;
            for (var gap = 0; gap <= reach && end + gap + suffix.Length <= text.Length; gap++)
            {
                if (gap > 0 && !TextKind.IsUnspaced(text[end + gap - 1]))
                {
                    break;
                }

                if (string.CompareOrdinal(text, end + gap, suffix, 0, suffix.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A keyword that says where something is ("across the harbor", "vid vattnet": weak keywords only) or what a
    // place used to be ("a former shipyard", "gamle havneområder").
    private bool IsPlace(string text, int start, int sentenceStart, ThemeKeyword keyword)
    {
        if (TextKind.IsUnspaced(text[start]))
        {
            return false;
        }

        var before = Words(text, Math.Max(sentenceStart, start - 40), start);
        if (before.Count == 0)
        {
            return false;
        }

        string Word(int fromEnd) => before.Count >= fromEnd ? text[before[^fromEnd].Start..before[^fromEnd].End].ToLowerInvariant() : string.Empty;
        if (_former.Contains(Word(1)))
        {
            return true;
        }

        return keyword.Weak && (_placePrepositions.Contains(Word(1)) || (_articles.Contains(Word(1)) && _placePrepositions.Contains(Word(2))));
    }

    private static bool IsSentenceStart(string text, int position, int sentenceStart)
    {
        for (var i = position - 1; i >= sentenceStart; i--)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<(int Start, int End)> Words(string text, int from, int to)
    {
        var words = new List<(int Start, int End)>();
        var start = -1;
        for (var i = from; i <= to; i++)
        {
            var letter = i < to && char.IsLetter(text[i]) && !TextKind.IsUnspaced(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add((start, i));
                start = -1;
            }
        }

        return words;
    }

    // The part's own languages, and the paragraph's when it is long enough to tell (an English paragraph inside a
    // Danish note, a Swedish original under a Danish forward).
    private IReadOnlyCollection<string> LanguagesOf(string paragraph, IReadOnlyCollection<string> languages)
    {
        if (languages.Count == 0 || TextKind.CountLatinLetters(paragraph) + (TextKind.CountHan(paragraph) * 3) < 80)
        {
            return languages;
        }

        var own = _languages.Detect(paragraph);
        return own is null || languages.Contains(own) ? languages : [.. languages, own];
    }

    // Lines that give an address or a way to reach someone, and the address lines (with a number) just above.
    private bool[] ContactLines(string text)
    {
        var lines = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add((start, i));
                start = i + 1;
            }
        }

        var contact = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start).IndexOfAny(_contactMarkers) < 0)
            {
                continue;
            }

            contact.Add(lines[i]);
            for (var j = i - 1; j >= Math.Max(0, i - 2); j--)
            {
                var above = text[lines[j].Start..lines[j].End];
                if (above.Length > 80 || !above.Any(char.IsDigit))
                {
                    break;
                }

                contact.Add(lines[j]);
            }
        }

        var marked = new bool[text.Length + 1];
        foreach (var (from, to) in contact)
        {
            Array.Fill(marked, true, from, to - from);
        }

        return marked;
    }

    // Sentences that are items of a list a request introduces ("We would like to learn about:\n- district heating"),
    // or that follow a request ending in a colon in the same paragraph.
    private static HashSet<int> InheritedPurpose(string text, List<(int Start, int End)> sentences, List<List<PhraseMatch<Cue>>> cues)
    {
        var inherited = new HashSet<int>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (!inherited.Contains(i) && !cues[i].Any(c => c.Values[0] == Cue.Purpose))
            {
                continue;
            }

            var colon = text[sentences[i].Start..sentences[i].End].TrimEnd() is { Length: > 0 } own && own[^1] is ':' or '：';
            var blank = false;
            for (var j = i + 1; j < Math.Min(sentences.Count, i + ListReach); j++)
            {
                var next = text[sentences[j].Start..sentences[j].End];
                if (string.IsNullOrWhiteSpace(next))
                {
                    blank = true;
                    continue;
                }

                if (!IsListItem(next) && !(colon && !blank))
                {
                    break;
                }

                inherited.Add(j);
            }
        }

        return inherited;
    }

    private static bool IsListItem(string sentence)
    {
        var s = sentence.TrimStart();
        if (s.Length == 0)
        {
            return false;
        }

        if (s[0] is '-' or '•' or '*' or '·' or '–' or '●' or '○' or '■' or '▪' or '①' or '②' or '③' or '④' or '⑤' or '（' or '(')
        {
            return true;
        }

        var digits = 0;
        while (digits < s.Length && (char.IsDigit(s[digits]) || "一二三四五六七八九十".Contains(s[digits], StringComparison.Ordinal)))
        {
            digits++;
        }

        return digits > 0 && digits < s.Length && s[digits] is '.' or ')' or '、' or '）' or '．' or '是';
    }

    // The text with each run of spaces one space and each run of line breaks one line break (two for a blank
    // line), so that a keyword broken over two lines is found and a line still ends where it ended.
    private static string Lines(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var breaks = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                breaks += text[i] == '\n' ? 1 : 0;
                i++;
            }

            builder.Append(breaks == 0 ? " " : breaks == 1 ? "\n" : "\n\n");
        }

        return builder.ToString();
    }

    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        for (var at = text.IndexOf("\n\n", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\n\n", start, StringComparison.Ordinal))
        {
            yield return (start, at);
            start = at + 2;
        }

        yield return (start, text.Length);
    }

    private static List<(int Start, int End)> SentencesOf(string text)
    {
        var spans = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsStop(text, i))
            {
                spans.Add((start, i + 1));
                start = i + 1;
            }
        }

        spans.Add((start, text.Length));
        return spans;
    }

    private static int SentenceAt(List<(int Start, int End)> sentences, int position)
    {
        int low = 0, high = sentences.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sentences[middle].End <= position)
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

    // A full stop ends a sentence after a word and before a space ("13.-15. maj", "3.5 m" and "e.g." go on); a
    // line break ends one after a stop or a colon, before a list item, at a blank line, or after a short line (a
    // heading, a table row); a line as wide as the mail is a paragraph wrapped to fit and goes on.
    private static bool IsStop(string text, int i) => text[i] switch
    {
        '!' or '?' or '。' or '！' or '？' or '；' or ';' => true,
        '.' => (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && i > 1 && char.IsLetter(text[i - 1]) && text[i - 2] != '.',
        '\n' => HardBreak(text, i),
        _ => false,
    };

    private static bool HardBreak(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length || text[i + 1] == '\n' || text[i - 1] == '\n')
        {
            return true;
        }

        if (text[i - 1] is '.' or ':' or '!' or '?' or '。' or '：' or '！' or '？' or ';' or '；' || IsListItem(text[(i + 1)..Math.Min(text.Length, i + 8)]))
        {
            return true;
        }

        var lineStart = text.LastIndexOf('\n', i - 1) + 1;
        var width = 0;
        for (var j = lineStart; j < i; j++)
        {
            width += TextKind.IsUnspaced(text[j]) ? 2 : 1;
        }

        return width < WrappedLineWidth;
    }

    internal static string Describe(ThemeMention mention) =>
        string.Create(CultureInfo.InvariantCulture, $"{mention.Theme} {mention.Weight} [{mention.Part} {mention.Text}.{mention.Sentence}] {mention.Why} | {mention.Quote}");
}
