namespace OnePointEntry.Extraction;

/// <summary>
/// The names of weekdays in the languages delegations write (<c>weekdays</c> in <c>Data/extraction-cues.json</c>),
/// which stand between a day and the words that make a range of it: read as blanks, "from Tuesday 21st to
/// Thursday 23rd April" is "from 21st to 23rd April".
/// </summary>
internal sealed class Weekdays
{
    private static readonly Lazy<Weekdays> s_default = new(() => new Weekdays(ExtractionCues.Default.Weekdays));

    private readonly PhraseScanner<bool> _names;

    public Weekdays(IEnumerable<string> names)
    {
        _names = new PhraseScanner<bool>(names.Select(name => (name, true)));
    }

    public static Weekdays Default => s_default.Value;

    /// <summary>The text with each weekday name (and a comma after it) replaced by spaces: same length, same positions.</summary>
    public string Blank(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = _names.Scan(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var match in matches)
        {
            var end = match.End;
            if (end < chars.Length && chars[end] is ',' or '，' or '、')
            {
                end++;
            }

            Array.Fill(chars, ' ', match.Start, end - match.Start);
        }

        return new string(chars);
    }
}
