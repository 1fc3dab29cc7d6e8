namespace OnePointEntry.Extraction;

/// <summary>
/// Tells Chinese, Danish, Swedish, German and English apart: Chinese by its characters (a Chinese original
/// followed by an English summary is Chinese), the others by their commonest words and letters (æ/ø, ä/ö, ß).
/// </summary>
internal sealed class LanguageDetector
{
    private static readonly Lazy<LanguageDetector> s_default = new(() => new LanguageDetector(ExtractionCues.Default));

    private readonly Dictionary<string, HashSet<string>> _stopwords;

    public LanguageDetector(ExtractionCues cues)
    {
        _stopwords = cues.Stopwords.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static LanguageDetector Default => s_default.Value;

    public string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var han = TextKind.CountHan(text);
        var latin = TextKind.CountLatinLetters(text);
        if (han >= 8 && han * 3 >= latin)
        {
            return "zh";
        }

        if (latin < 3)
        {
            return han > 0 ? "zh" : null;
        }

        var scores = _stopwords.Keys.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            foreach (var (language, words) in _stopwords)
            {
                if (words.Contains(word))
                {
                    scores[language] += 1;
                }
            }
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case 'æ' or 'ø' or 'Æ' or 'Ø':
                    Add(scores, "da", 1.5);
                    break;
                case 'ä' or 'ö' or 'Ä' or 'Ö':
                    Add(scores, "sv", 0.7);
                    Add(scores, "de", 0.7);
                    break;
                case 'ß' or 'ü' or 'Ü':
                    Add(scores, "de", 1.5);
                    break;
                case 'å' or 'Å':
                    Add(scores, "sv", 0.5);
                    Add(scores, "da", 0.5);
                    break;
                default:
                    break;
            }
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key == "en" ? 0 : 1).First();
        return best.Value > 0 ? best.Key : "en";
    }

    private static void Add(Dictionary<string, double> scores, string language, double value)
    {
        if (scores.ContainsKey(language))
        {
            scores[language] += value;
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]) && !TextKind.IsHan(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
