using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePointEntry.Extraction;

/// <summary>A day as written: the year may be missing ("10 March", 3月10日).</summary>
internal readonly record struct WrittenDate(int? Year, int Month, int Day);

/// <summary>A date or a date range found in a text, with where it was.</summary>
internal sealed record DateMention(int Index, int Length, WrittenDate From, WrittenDate To)
{
    public bool IsRange => From != To;
}

/// <summary>
/// Reads explicit calendar dates and ranges in English, Danish, Swedish, German and Chinese: "2 to 4 February
/// 2026", "14.-16. september 2026", "den 26. til den 28. maj", "am 3. und 4. Dezember", "June 3, 2026",
/// "March 10–12", "5/4/2026" (month first for US senders), 2026年4月20日-22日, 6月8日至10日. A bare month, "mid-May"
/// or a week number is not a date. Years left out are the next occurrence after the message was sent.
/// </summary>
internal sealed partial class VisitDateReader
{
    private static readonly Lazy<VisitDateReader> s_default = new(() => new VisitDateReader(ExtractionCues.Default, TimeSpan.FromSeconds(1)));

    private readonly Dictionary<string, int> _months;
    private readonly Regex _dayFirst;
    private readonly Regex _monthFirst;
    // Both month patterns need a month name, and the month-first one starts with it after a non-letter: a text
    // with no month name is not read by them, and the month-first one is only tried where a month name begins
    // (each try of these large patterns costs about a microsecond; most texts have few such places).
    private readonly Regex _anyMonth;
    private readonly Regex _monthStarts;
    private readonly Regex _monthFirstAt;
    private readonly Regex _monthAndYear;

    /// <param name="matchTimeout">How long one pattern may look for its next match before it gives up (then the extractor leaves the dates to a person).</param>
    public VisitDateReader(ExtractionCues cues, TimeSpan matchTimeout)
    {
        _months = new Dictionary<string, int>(cues.Months, StringComparer.OrdinalIgnoreCase);
        var month = WordAlternation.Of(_months.Keys.OrderByDescending(m => m.Length));
        const string Day = @"(?:[0-3]?\d)(?:\.|st|nd|rd|th|:e|:a)?";
        // Range words in the languages delegations write: "til", "bis", "al"/"a" (es), "a"/"até" (pt), "tot" (nl),
        // "do" (pl), "au" (fr), "đến" (vi). A comma may stand before it where a weekday was: "Montag, 22., bis Mittwoch, 24.".
        const string Join = @"\s*,?\s*(?:-|–|—|til|to|till|bis|und|og|och|and|&|until|through|al|a|hasta|y|até|e|tot|en|do|au|et|đến)\s*(?:(?:den|d\.|the|dem|zum|el|o|le|ngày)\s*)?";
        _dayFirst = new Regex(
            $@"(?<![\p{{L}}\d.])(?<d1>{Day})(?:\s*(?:(?:de|del)\s+)?(?<m1>{month})\.?(?:\s+(?:(?:de|del)\s+)?(?<y1>20\d\d))?)?(?:{Join}(?<d2>{Day}))?\s*(?:(?:of|de|del|van)\s+)?(?<m2>{month})\b\.?(?:,?\s+(?:(?:de|del|năm)\s+)?(?<y2>20\d\d))?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _monthFirst = new Regex(
            $@"(?<![\p{{L}}])(?<m1>{month})\.?\s+(?<d1>[0-3]?\d)(?:st|nd|rd|th)?\b(?:{Join}(?:(?<m2>{month})\.?\s+)?(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\b)?(?:,?\s+(?<y>20\d\d))?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);

        _anyMonth = new Regex(month, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _monthStarts = new Regex($@"(?<![\p{{L}}])(?={month})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _monthFirstAt = new Regex($@"\G(?:{_monthFirst})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);
        _monthAndYear = new Regex($@"(?<![\p{{L}}])(?<m>{month})\.?\s+(?:(?:of|de|del)\s+)?(?<y>20\d\d)(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);

        // A compiled pattern is turned into machine code on its first match, inside its time limit: on a busy
        // machine the first mail's dates ran out of time. Done here, the first mail pays nothing.
        Warm(_dayFirst, "1 May");
        Warm(_monthFirst, "May 1");
        Warm(_anyMonth, "May");
        Warm(_monthStarts, "May");
        Warm(_monthAndYear, "May 2027");
        Warm(_monthFirstAt, "May 1");
    }

    internal static void Warm(Regex regex, string sample)
    {
        try
        {
            regex.IsMatch(sample);
        }
        catch (RegexMatchTimeoutException)
        {
            // A limit too short even for the sample (tests): the machine code is there all the same.
        }
    }

    public static VisitDateReader Default => s_default.Value;

    public List<DateMention> Find(string text, bool monthFirst)
    {
        var found = new List<DateMention>();
        foreach (Match match in Chinese().Matches(text))
        {
            var y1 = Int(match.Groups["y1"]);
            var m1 = Int(match.Groups["m1"])!.Value;
            var from = new WrittenDate(y1, m1, Int(match.Groups["d1"])!.Value);
            var to = match.Groups["d2"].Success
                ? new WrittenDate(Int(match.Groups["y2"]) ?? y1, Int(match.Groups["m2"]) ?? m1, Int(match.Groups["d2"])!.Value)
                : from;
            found.Add(new DateMention(match.Index, match.Length, from, to));
        }

        foreach (Match match in Iso().Matches(text))
        {
            var date = new WrittenDate(Int(match.Groups["y"]), Int(match.Groups["m"])!.Value, Int(match.Groups["d"])!.Value);
            found.Add(new DateMention(match.Index, match.Length, date, date));
        }

        var months = _anyMonth.IsMatch(text);
        foreach (var match in months ? _dayFirst.Matches(text) : Enumerable.Empty<Match>())
        {
            var m2 = _months[match.Groups["m2"].Value.TrimEnd('.')];
            var year = Int(match.Groups["y2"]);
            var d1 = Day(match.Groups["d1"].Value);
            var m1 = match.Groups["m1"].Success ? _months[match.Groups["m1"].Value.TrimEnd('.')] : m2;
            var from = new WrittenDate(Int(match.Groups["y1"]) ?? (m1 <= m2 ? year : year - 1), m1, d1);
            var to = match.Groups["d2"].Success ? new WrittenDate(year, m2, Day(match.Groups["d2"].Value)) : new WrittenDate(year, from.Month, from.Day);
            if (!match.Groups["d2"].Success && match.Groups["m1"].Success)
            {
                continue;
            }

            found.Add(new DateMention(match.Index, match.Length, from, to));
        }

        var taken = new Taken(found);
        var monthFirstFound = new List<DateMention>();
        foreach (var match in months ? MonthFirstMatches(text) : Enumerable.Empty<Match>())
        {
            if (taken.Overlaps(match))
            {
                continue;
            }

            var year = Int(match.Groups["y"]);
            var m1 = _months[match.Groups["m1"].Value.TrimEnd('.')];
            var m2 = match.Groups["m2"].Success ? _months[match.Groups["m2"].Value.TrimEnd('.')] : m1;
            var from = new WrittenDate(year, m1, Day(match.Groups["d1"].Value));
            var to = match.Groups["d2"].Success ? new WrittenDate(year, m2, Day(match.Groups["d2"].Value)) : from;
            monthFirstFound.Add(new DateMention(match.Index, match.Length, from, to));
        }

        found.AddRange(monthFirstFound);
        taken = new Taken(found);
        foreach (Match match in Numeric().Matches(text))
        {
            if (taken.Overlaps(match))
            {
                continue;
            }

            // "1.5 million" is not a date: a numeric date needs a year or a slash.
            var first = match.Groups["y1"].Success || match.Value.Contains('/', StringComparison.Ordinal)
                ? Numbers(match.Groups["a1"], match.Groups["b1"], match.Groups["y1"], monthFirst)
                : null;
            if (first is null)
            {
                continue;
            }

            var second = match.Groups["a2"].Success ? Numbers(match.Groups["a2"], match.Groups["b2"], match.Groups["y2"], monthFirst) : first;
            found.Add(new DateMention(match.Index, match.Length, first.Value, second ?? first.Value));
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return JoinSingles(text, found.Where(m => IsValid(m) && !IsNoise(text, m)).ToList());
    }

    // What _monthFirst.Matches(text) finds, trying the pattern only where a month name begins after a non-letter.
    private IEnumerable<Match> MonthFirstMatches(string text)
    {
        var next = 0;
        foreach (Match start in _monthStarts.Matches(text))
        {
            if (start.Index < next)
            {
                continue;
            }

            var match = _monthFirstAt.Match(text, start.Index);
            if (match.Success)
            {
                next = match.Index + match.Length;
                yield return match;
            }
        }
    }

    /// <summary>The calendar days of a mention, years filled in after <paramref name="sent"/>.</summary>
    public static (DateOnly From, DateOnly To)? Resolve(DateMention mention, DateOnly sent)
    {
        var to = mention.To;
        var from = mention.From;
        DateOnly? toDate;
        DateOnly? fromDate;
        if (to.Year is { } toYear)
        {
            toDate = Make(toYear, to.Month, to.Day);
            fromDate = Make(from.Year ?? (from.Month > to.Month ? toYear - 1 : toYear), from.Month, from.Day);
        }
        else if (from.Year is { } fromYear)
        {
            fromDate = Make(fromYear, from.Month, from.Day);
            toDate = Make(to.Month < from.Month ? fromYear + 1 : fromYear, to.Month, to.Day);
        }
        else
        {
            fromDate = Next(from.Month, from.Day, sent);
            toDate = fromDate is { } f ? Make(to.Month < from.Month ? f.Year + 1 : f.Year, to.Month, to.Day) : null;
        }

        return fromDate is { } a && toDate is { } b && b >= a && b.DayNumber - a.DayNumber <= 60 ? (a, b) : null;
    }

    /// <summary>
    /// The year a text gives each month it names with one: in its dates ("3 November 2027") and on their own
    /// ("2027年11月赴丹麦访问", "in November 2027"). A programme's days written without a year ("11月3日") are in
    /// the year the text said for their month, not in the next such day after the mail; a month given two years is
    /// left out.
    /// </summary>
    public Dictionary<int, int> StatedYears(string text, IEnumerable<DateMention> mentions)
    {
        var stated = new Dictionary<int, int>();
        var doubtful = new HashSet<int>();
        void Add(int? year, int month)
        {
            if (year is not { } y || doubtful.Contains(month))
            {
                return;
            }

            if (stated.TryGetValue(month, out var other) && other != y)
            {
                stated.Remove(month);
                doubtful.Add(month);
                return;
            }

            stated[month] = y;
        }

        foreach (var mention in mentions)
        {
            Add(mention.From.Year, mention.From.Month);
            Add(mention.To.Year, mention.To.Month);
        }

        foreach (Match match in ChineseMonthAndYear().Matches(text))
        {
            Add(Int(match.Groups["y"]), Int(match.Groups["m"])!.Value);
        }

        foreach (var match in _anyMonth.IsMatch(text) ? _monthAndYear.Matches(text) : Enumerable.Empty<Match>())
        {
            Add(Int(match.Groups["y"]), _months[match.Groups["m"].Value.TrimEnd('.')]);
        }

        return stated;
    }

    private static DateOnly? Next(int month, int day, DateOnly sent)
    {
        for (var year = sent.Year; year <= sent.Year + 1; year++)
        {
            if (Make(year, month, day) is { } date && date >= sent)
            {
                return date;
            }
        }

        return null;
    }

    private static int WordCharacters(ReadOnlySpan<char> gap)
    {
        var count = 0;
        foreach (var c in gap)
        {
            count += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return count;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    // "arrive on 11 May and leave on 14 May", "3月10日至3月12日": two dates joined by a range word are one range.
    private static List<DateMention> JoinSingles(string text, List<DateMention> found)
    {
        var joined = new List<DateMention>();
        for (var i = 0; i < found.Count; i++)
        {
            var current = found[i];
            if (!current.IsRange && i + 1 < found.Count && !found[i + 1].IsRange)
            {
                var next = found[i + 1];
                var gapStart = current.Index + current.Length;
                // Blanked weekdays leave spaces in the gap ("6/8 through          6/10"): only its words count.
                if (next.Index >= gapStart && next.Index - gapStart <= 40 && WordCharacters(text.AsSpan(gapStart, next.Index - gapStart)) <= 12 && RangeGap().IsMatch(text[gapStart..next.Index]))
                {
                    joined.Add(new DateMention(current.Index, next.Index + next.Length - current.Index, current.From, next.To with { Year = next.To.Year ?? current.From.Year }));
                    i++;
                    continue;
                }
            }

            joined.Add(current);
        }

        return joined;
    }

    // Dates that are not about a visit: a version ("2.1.20", "v3.4.26"), a timestamp ("2026-11-03T14:22:09Z",
    // "2026-11-03 14:22:09"; a programme's "14 May 2026 10:00" stays a date), a date in a header line ("Sent: 7
    // April 2026"), one with an older year before it ("1995 Sep 19"), and digits inside encoded data or a token
    // ("AbC5/3dE", "ID-12/10").
    private static bool IsNoise(string text, DateMention mention)
    {
        var start = mention.Index;
        var end = mention.Index + mention.Length;
        if ((start > 0 && (char.IsLetter(text[start - 1]) && !TextKind.IsUnspaced(text[start - 1]) || text[start - 1] is '_' or '/' or '='))
            || (end < text.Length && (char.IsLetter(text[end]) && !TextKind.IsUnspaced(text[end]) && char.IsDigit(text[end - 1]) || text[end] is '_' or '/' or '=' or '+')))
        {
            return true;
        }

        var before = text.AsSpan(Math.Max(0, start - 12), start - Math.Max(0, start - 12));
        if (VersionBefore().IsMatch(before) || OlderYearBefore().IsMatch(before))
        {
            return true;
        }

        var after = text.AsSpan(end, Math.Min(text.Length - end, 9));
        if (TimeAfter().IsMatch(after))
        {
            return true;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var line = text.AsSpan(lineStart, start - lineStart).TrimStart(" >\t");
        return HeaderLine().IsMatch(line);
    }

    private static bool IsValid(DateMention mention) =>
        mention.From.Month is >= 1 and <= 12 && mention.To.Month is >= 1 and <= 12 && mention.From.Day is >= 1 and <= 31 && mention.To.Day is >= 1 and <= 31;

    // The mentions found so far, sorted, with the furthest end reached up to each: whether a match overlaps any
    // of them is a binary search, not a look at every one (quadratic in a text full of dates).
    private sealed class Taken
    {
        private readonly List<int> _starts;
        private readonly List<int> _furthestEnd;

        public Taken(List<DateMention> mentions)
        {
            var sorted = mentions.OrderBy(m => m.Index).ToList();
            _starts = sorted.Select(m => m.Index).ToList();
            _furthestEnd = new List<int>(sorted.Count);
            var furthest = int.MinValue;
            foreach (var mention in sorted)
            {
                furthest = Math.Max(furthest, mention.Index + mention.Length);
                _furthestEnd.Add(furthest);
            }
        }

        public bool Overlaps(Match match)
        {
            // The last mention starting before the match ends; it or one before it reaches into the match.
            var found = _starts.BinarySearch(match.Index + match.Length);
            var last = found >= 0 ? found - 1 : ~found - 1;
            while (found >= 0 && last >= 0 && _starts[last] == match.Index + match.Length)
            {
                last--;
            }

            return last >= 0 && _furthestEnd[last] > match.Index;
        }
    }

    private static WrittenDate? Numbers(Group a, Group b, Group y, bool monthFirst)
    {
        var first = int.Parse(a.Value, CultureInfo.InvariantCulture);
        var second = int.Parse(b.Value, CultureInfo.InvariantCulture);
        var year = y.Success ? int.Parse(y.Value, CultureInfo.InvariantCulture) : (int?)null;
        if (year is < 100)
        {
            year += 2000;
        }

        var (month, day) = monthFirst ? (first, second) : (second, first);
        if (month > 12 && day <= 12)
        {
            (month, day) = (day, month);
        }

        return month is >= 1 and <= 12 && day is >= 1 and <= 31 ? new WrittenDate(year, month, day) : null;
    }

    private static int Day(string text) => int.Parse(DayDigits().Match(text).Value, CultureInfo.InvariantCulture);

    private static int? Int(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    // Chinese, Japanese (〜, から) and Korean (년 월 일, 부터) write dates the same way.
    [GeneratedRegex(@"(?:(?<y1>20\d\d)\s*[年년]\s*)?(?<m1>1[0-2]|0?[1-9])\s*[月월]\s*(?<d1>[0-3]?\d)\s*[日号號일]?(?:\s*(?:\(\S{1,3}\)|（\S{1,3}）)?\s*(?:至|到|-|–|—|―|~|～|－|〜|から|부터)\s*(?:(?<y2>20\d\d)\s*[年년]\s*)?(?:(?<m2>1[0-2]|0?[1-9])\s*[月월]\s*)?(?<d2>[0-3]?\d)\s*[日号號일])?")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"(?<!\d)(?<y>20\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d/.\-])(?<a1>[0-3]?\d)[/.](?<b1>[01]?\d)(?:[/.](?<y1>20\d\d|\d\d))?(?:\s*(?:-|–|—|to|til|till|bis|until)\s*(?<a2>[0-3]?\d)[/.](?<b2>[01]?\d)(?:[/.](?<y2>20\d\d|\d\d))?)?(?![\d/])(?!\.\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^\s*,?\s*(?:-|–|—|―|to|til|till|bis|until|through|and|og|och|und|al|a|hasta|até|tot|do|au|đến|至|到|~|～|〜|から|부터)\s*(?:(?:the|den|d\.|dem|zum|el|o|le|ngày)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeGap();

    [GeneratedRegex(@"(?<y>20\d\d)\s*[年년]\s*(?<m>1[0-2]|0?[1-9])\s*[月월](?!\s*[0-3]?\d)")]
    private static partial Regex ChineseMonthAndYear();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DayDigits();

    [GeneratedRegex(@"(?:\b[vV]\s?|version\s|release\s|Version\s|build\s|\d\.)$")]
    private static partial Regex VersionBefore();

    [GeneratedRegex(@"\b(?:1[0-9]\d\d|200\d|201\d)\s+$")]
    private static partial Regex OlderYearBefore();

    [GeneratedRegex(@"^(?:T\d|\s\d{1,2}:\d\d:\d\d|:\d\d)")]
    private static partial Regex TimeAfter();

    [GeneratedRegex(@"^(?:Sent|Date|Dato|Sendt|Skickat|Datum|Gesendet|Enviado|Enviada em|Data|Envoyé|发送时间|日期|寄件日期|送信日時|보낸 날짜)\s*[:：]", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();
}
