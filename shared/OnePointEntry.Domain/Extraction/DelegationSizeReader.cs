using System.Buffers;
using System.Text.RegularExpressions;

namespace OnePointEntry.Extraction;

/// <summary>What a text says about the delegation's size.</summary>
internal enum SizeStatement
{
    None,
    Number,
    Vague,
}

/// <summary>What a text says about the delegation's size, where it says it, and whether it states a total.</summary>
internal sealed record SizeReading(SizeStatement Statement, int? Size, int Index = 0, int Length = 0, bool Total = false)
{
    public static SizeReading Nothing { get; } = new(SizeStatement.None, null);
}

/// <summary>
/// Reads how many people a delegation has: digits or number words in English, Danish, Swedish and German
/// followed by a word for people ("ten officials", "åtta personer", "Vier Wissenschaftler", "a 5-person
/// delegation", "delegation of 8"), and Chinese counts (一行9人, 共8人, 十二名). A stated total wins over the
/// parts; a range or a vague count ("between 20 and 25", "ett tiotal") says the size only vaguely.
/// </summary>
internal sealed partial class DelegationSizeReader
{
    private static readonly Lazy<DelegationSizeReader> s_default = new(() => new DelegationSizeReader(ExtractionCues.Default, TimeSpan.FromSeconds(1)));

    private readonly ExtractionCues _cues;
    private readonly Dictionary<string, Regex> _latinByLanguage = [];
    private readonly Regex _chinese;
    private readonly Regex _vague;
    private readonly Regex _rangeBefore;
    private readonly Regex _totalNear;
    private readonly Regex _approximateBefore;
    private readonly Regex _approximateAfter;
    // Every count the patterns read starts with digits or a number word, and the Chinese one with digits or a
    // numeral: a text with none of them is not scanned by those patterns at all (most long texts without digits
    // cost the size patterns a third of their reading otherwise).
    private readonly PhraseScanner<bool> _numberWords;
    private readonly SearchValues<char> _chineseNumerals;

    /// <param name="matchTimeout">How long one pattern may look for its next match before it gives up (then the extractor leaves the size to a person).</param>
    public DelegationSizeReader(ExtractionCues cues, TimeSpan matchTimeout)
    {
        _cues = cues;
        var nouns = cues.PersonNouns.Values.SelectMany(n => n).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length);
        var nounPattern = WordAlternation.Of(nouns);
        var leads = string.Join('|', cues.SizeLeads.OrderByDescending(l => l.Length).Select(l => Regex.Escape(l).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
        var adjectives = WordAlternation.Of(cues.PersonAdjectives.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(a => a.Length));
        foreach (var language in cues.NumberWords.Keys.Append("zh"))
        {
            var words = NumberWordsFor(language).Keys.OrderByDescending(w => w.Length);
            var number = $@"\d{{1,3}}|(?:{WordAlternation.Of(words)})(?:[\-\s]?(?:{WordAlternation.Of(NumberWordsFor(language).Keys)}))?";
            var pattern =
                $@"(?<![\p{{L}}\d])(?<n>{number})(?:\s*\(\s*\d{{1,3}}\s*\))?(?:\s*-\s*|\s+)(?:(?<adj>{adjectives})\b|(?:[\p{{L}}\-]+\s+){{0,2}}?(?<noun>{nounPattern})\b)"
                + $@"|(?:delegation|delegationen|group|gruppe|gruppen|grupp|team|party|hold|holdet|Delegation|Gruppe)\s+(?:of|på|af|med|av|von|aus|consisting of|bestående af|bestående av|bestehend aus|er på)\s+(?<n2>{number})(?![\p{{L}}\d])"
                + $@"|(?<![\p{{L}}])(?:{leads})\s+(?:(?:a|en|ett|eine|un|uma)\s+(?:group|gruppe|grupp|Gruppe|grupo)\s+(?:of|på|af|von|de)\s+)?(?<n3>{number})(?:\s*(?:in total|i alt|totalt|insgesamt|en total|no total))?(?=\s*[.,;!:)–—-]|\s*$|\s+(?:and|og|och|und|y|e|en)\s)";
            _latinByLanguage[language] = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        }

        _numberWords = new PhraseScanner<bool>(cues.NumberWords.Values.SelectMany(words => words.Keys).Select(word => (word + "*", true)));
        var numerals = string.Concat(cues.ChineseNumerals.Keys) + "十百";
        _chineseNumerals = SearchValues.Create(numerals);
        var units = string.Concat(cues.ChinesePersonUnits);
        var notAfter = string.Concat(cues.ChineseNotPersonAfter);
        var chineseLeads = string.Join('|', cues.ChineseSizeLeads.OrderByDescending(l => l.Length).Select(Regex.Escape));
        _chinese = new Regex(
            $@"(?<![\d{numerals}万千亿第])(?<n>\d{{1,3}}|[{numerals}]{{1,4}})\s*[{units}](?![{notAfter}])"
            + $@"|(?:{chineseLeads})\s*(?<n>\d{{1,3}}|[{numerals}]{{1,4}})(?=\s*[，。,.；;！!]|\s*$)",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            matchTimeout);
        _vague = new Regex($@"(?<![\p{{L}}])(?:{string.Join('|', cues.VagueCounts.OrderByDescending(v => v.Length).Select(Regex.Escape))})\s*(?:(?:[\p{{L}}\-]+\s+){{0,2}}?(?:{nounPattern})\b|[{units}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _rangeBefore = new Regex($@"(?:\d{{1,3}}\s*(?:-|–|—|~|to|til|till|bis|or|eller|oder|and|og|och|und|à|y|e|a|o|ou|tot|en|do|et|và|hoặc|至|到)\s*$|(?:{string.Join('|', cues.RangeCues.Select(Regex.Escape))})\s+(?:[\p{{L}}]+\s+)?$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _totalNear = new Regex(string.Join('|', cues.TotalCues.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        // A word boundary for alphabets; Chinese, Japanese and Korean write the cue against the word before (代表团约20人).
        _approximateBefore = new Regex($@"(?<![\p{{L}}-[\p{{Lo}}]])(?:{Alternatives(cues.ApproximateBefore)})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        // After the number and its word for people: "20 people or so", "8名程度", "20명 정도", "20+".
        _approximateAfter = new Regex($@"^\s*(?:[\p{{L}}\-]{{1,20}}?\s*)?(?:{Alternatives(cues.ApproximateAfter)})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);

        // A compiled pattern is turned into machine code on its first match, inside its time limit: done here,
        // the first mail on a busy machine does not run out of time for it.
        foreach (var regex in _latinByLanguage.Values.Append(_chinese).Append(_vague).Append(_rangeBefore).Append(_totalNear).Append(_approximateBefore).Append(_approximateAfter))
        {
            VisitDateReader.Warm(regex, "a delegation of 5 people, 5人");
        }
    }

    public static DelegationSizeReader Default => s_default.Value;

    private static string Alternatives(IEnumerable<string> cues) =>
        string.Join('|', cues.OrderByDescending(c => c.Length).Select(c => Regex.Escape(c).Replace("\\ ", "\\s+", StringComparison.Ordinal)));

    /// <summary>The size <paramref name="text"/> (in <paramref name="language"/>) states, or what kind of statement it makes.</summary>
    public SizeReading Read(string text, string? language)
    {
        var candidates = new List<(int Index, int Value, bool Total, bool Range, int End)>();
        var digits = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || text.Any(char.IsDigit);
        var numberWords = !digits && _numberWords.Scan(text).Count > 0;
        var chineseNumerals = !digits && text.AsSpan().IndexOfAny(_chineseNumerals) >= 0;
        foreach (var regex in RegexesFor(language))
        {
            if (!digits && !(regex == _chinese ? chineseNumerals : numberWords))
            {
                continue;
            }

            foreach (Match match in regex.Matches(text))
            {
                var lead = match.Groups["n3"].Success;
                var group = match.Groups["n"].Success ? match.Groups["n"] : lead ? match.Groups["n3"] : match.Groups["n2"];
                var value = regex == _chinese ? ParseChinese(group.Value) : ParseNumber(group.Value, language);
                if (value is null or < 1 or > 500)
                {
                    continue;
                }

                var before = text[Math.Max(0, group.Index - 25)..group.Index];
                var after = text[match.Index..Math.Min(text.Length, match.Index + match.Length + 20)];
                var following = text[(group.Index + group.Length)..Math.Min(text.Length, group.Index + group.Length + 30)];
                // A range ("10-12") or an approximation ("about 20", "8名程度") says the size only vaguely.
                var range = _rangeBefore.IsMatch(before) || RangeAfter().IsMatch(following.Length > 12 ? following[..12] : following)
                    || _approximateBefore.IsMatch(before) || _approximateAfter.IsMatch(following);
                // "We will be 14", "vi bliver 9": said of the whole group.
                var total = lead || _totalNear.IsMatch(before.Length > 12 ? before[^12..] : before) || TotalAfter().IsMatch(after);
                candidates.Add((group.Index, value.Value, total, range, match.Index + match.Length));
            }
        }

        var vague = _vague.Match(text);
        if (candidates.Count == 0)
        {
            return vague.Success ? new SizeReading(SizeStatement.Vague, null, vague.Index, vague.Length) : SizeReading.Nothing;
        }

        var ordered = candidates.OrderBy(c => c.Index).ToList();
        var chosen = ordered.FirstOrDefault(c => c.Total && !c.Range);
        if (chosen == default)
        {
            chosen = ordered[0];
        }

        if (chosen.Range || (vague.Success && vague.Index < chosen.Index))
        {
            return new SizeReading(SizeStatement.Vague, null, chosen.Index, chosen.End - chosen.Index);
        }

        return new SizeReading(SizeStatement.Number, chosen.Value, chosen.Index, Math.Max(chosen.End - chosen.Index, 1), chosen.Total);
    }

    private IEnumerable<Regex> RegexesFor(string? language)
    {
        yield return _latinByLanguage.TryGetValue(language ?? "en", out var regex) ? regex : _latinByLanguage["en"];
        if (language is not null and not "en" && _latinByLanguage.TryGetValue("en", out var english) && language != "zh")
        {
            yield return english;
        }

        yield return _chinese;
    }

    private Dictionary<string, int> NumberWordsFor(string language)
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (_cues.NumberWords.TryGetValue(language, out var own))
        {
            foreach (var (word, value) in own)
            {
                words[word] = value;
            }
        }

        if (language != "en" && _cues.NumberWords.TryGetValue("en", out var english) && language == "zh")
        {
            foreach (var (word, value) in english)
            {
                words.TryAdd(word, value);
            }
        }

        return words;
    }

    private int? ParseNumber(string text, string? language)
    {
        if (int.TryParse(text, out var digits))
        {
            return digits;
        }

        var words = NumberWordsFor(language is null || !_cues.NumberWords.ContainsKey(language) ? "en" : language);
        var lower = text.ToLowerInvariant().Trim();
        if (words.TryGetValue(lower, out var value))
        {
            return value;
        }

        // Compounds: twenty-five, femogtyve, fünfundzwanzig, tjugofem.
        var parts = Regex.Split(lower, @"[\-\s]|og|und", RegexOptions.None, TimeSpan.FromSeconds(1)).Where(p => p.Length > 0).ToList();
        var sum = 0;
        foreach (var part in parts)
        {
            if (!words.TryGetValue(part, out var partValue))
            {
                return null;
            }

            sum += partValue;
        }

        return sum > 0 ? sum : null;
    }

    /// <summary>Chinese numerals up to 999: 五, 十二, 二十, 两百, 一百二十.</summary>
    internal int? ParseChinese(string text)
    {
        if (int.TryParse(text, out var digits))
        {
            return digits;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (_cues.ChineseNumerals.TryGetValue(c.ToString(), out var digit))
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        var value = total + current;
        return value > 0 ? value : null;
    }

    [GeneratedRegex(@"^\s*(?:-|–|—|~|to|til|till|bis|or|eller|oder)\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex RangeAfter();

    [GeneratedRegex(@"in total|i alt|totalt|insgesamt|altogether|in all\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalAfter();
}
