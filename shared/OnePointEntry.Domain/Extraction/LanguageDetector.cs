using System.Text;

namespace OnePointEntry.Extraction;

/// <summary>
/// Tells the languages delegations write apart: Japanese by its kana, Korean by its hangul, Chinese by its
/// characters without kana (a Chinese original followed by an English summary is Chinese), Thai by its script,
/// Vietnamese by its tone marks, the others by their commonest words (<c>stopwords</c> in
/// <c>Data/extraction-cues.json</c>) and letters (æ/ø, ä/ö, ß, ñ, ã/õ, ł/ż, Finnish doubled vowels).
/// Danish, the commonest language here, keeps a text that Norwegian does not clearly win, and a tie goes to the
/// language listed first (English, then the order of <c>stopwords</c>), so Finnish never takes a Swedish tie.
/// </summary>
internal sealed class LanguageDetector
{
    private static readonly Lazy<LanguageDetector> s_default = new(() => new LanguageDetector(ExtractionCues.Default));

    // How many more of its own words Norwegian needs than Danish: Danish is the commonest language in the mail, and
    // a Danish note that quotes a Norwegian word or two stays Danish.
    private const double NorwegianMargin = 2;

    private readonly Dictionary<string, HashSet<string>> _stopwords;
    // Each stopword with the languages it is one in: one look-up a word instead of one a language.
    private readonly Dictionary<string, List<string>> _languagesByWord = new(StringComparer.Ordinal);

    public LanguageDetector(ExtractionCues cues)
    {
        _stopwords = cues.Stopwords.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        foreach (var (language, words) in _stopwords)
        {
            foreach (var word in words)
            {
                if (!_languagesByWord.TryGetValue(word, out var languages))
                {
                    languages = [];
                    _languagesByWord[word] = languages;
                }

                languages.Add(language);
            }
        }
    }

    public static LanguageDetector Default => s_default.Value;

    public string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Vietnamese written decomposed (tone marks as combining characters) is counted as it is read.
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        // One pass for every count: a body is read several times a mail, and each count was a pass of its own.
        int han = 0, kana = 0, hangul = 0, thai = 0, latin = 0, vietnamese = 0;
        foreach (var c in text)
        {
            vietnamese += IsVietnamese(c) ? 1 : 0;
            if (c < '\u0250')
            {
                latin += char.IsLetter(c) ? 1 : 0;
                continue;
            }

            han += TextKind.IsHan(c) ? 1 : 0;
            kana += TextKind.IsKana(c) ? 1 : 0;
            hangul += TextKind.IsHangul(c) ? 1 : 0;
            thai += TextKind.IsThai(c) ? 1 : 0;
        }

        if (hangul >= 8 && hangul * 3 >= latin && hangul >= han)
        {
            return "ko";
        }

        if (kana >= 5 && (han + kana) * 3 >= latin)
        {
            return "ja";
        }

        if (han >= 8 && han * 3 >= latin)
        {
            return "zh";
        }

        if (vietnamese >= 8 && vietnamese * 12 >= latin)
        {
            return "vi";
        }

        // A Thai mail with an English line or signature is Thai, as a Chinese one with an English summary is Chinese.
        if (thai >= 8 && thai * 3 >= latin)
        {
            return "th";
        }

        if (latin < 3)
        {
            return han > 0 ? "zh" : null;
        }

        var scores = _stopwords.Keys.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (_languagesByWord.TryGetValue(word, out var languages))
            {
                foreach (var language in languages)
                {
                    scores[language] += 1;
                }
            }
        }

        var previous = '\0';
        foreach (var c in text)
        {
            // Finnish doubles its vowels (ää, yy, uu, ii: "syyskuu", "kiitos", "hyvää"); aa, ee and oo are Danish,
            // Dutch and English as much.
            if (c == previous && c is 'ä' or 'ö' or 'y' or 'u' or 'i')
            {
                Add(scores, "fi", 0.5);
            }

            previous = c;
            switch (c)
            {
                case 'æ' or 'ø' or 'Æ' or 'Ø':
                    // Norwegian writes them as much as Danish: only its own words set it apart.
                    Add(scores, "da", 1.5);
                    Add(scores, "no", 1.5);
                    break;
                case 'ä' or 'ö' or 'Ä' or 'Ö':
                    Add(scores, "sv", 0.7);
                    Add(scores, "de", 0.7);
                    Add(scores, "fi", 0.7);
                    break;
                case 'ß':
                    Add(scores, "de", 1.5);
                    break;
                case 'ü' or 'Ü':
                    // Not Finnish but Estonian (with õ), whose ja, ei and doubled vowels look Finnish.
                    Add(scores, "de", 1.5);
                    Add(scores, "fi", -2);
                    break;
                case 'å' or 'Å':
                    // Finnish has ä and ö but no å: Swedish, also the Swedish of Finland, has all three.
                    Add(scores, "sv", 0.5);
                    Add(scores, "da", 0.5);
                    Add(scores, "no", 0.5);
                    break;
                case 'ñ' or '¿' or '¡':
                    Add(scores, "es", 1.5);
                    break;
                case 'õ' or 'Õ':
                    Add(scores, "pt", c == 'õ' ? 1 : 0);
                    Add(scores, "fi", -2);
                    break;
                case 'ã' or 'ç':
                    Add(scores, "pt", 1);
                    Add(scores, "fr", c == 'ç' ? 0.5 : 0);
                    break;
                case 'ł' or 'ż' or 'ś' or 'ź' or 'ć' or 'ń' or 'ą' or 'ę' or 'Ł' or 'Ż' or 'Ś':
                    Add(scores, "pl", 1.5);
                    break;
                case 'è' or 'ê' or 'à' or 'ù' or 'œ':
                    Add(scores, "fr", 0.7);
                    break;
                default:
                    break;
            }
        }

        var best = scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key == "en" ? 0 : 1).First();
        if (best.Key == "no" && scores.TryGetValue("da", out var danish) && best.Value < danish + NorwegianMargin)
        {
            return "da";
        }

        return best.Value > 0 ? best.Key : "en";
    }

    // Letters only Vietnamese uses: the horned and stroked letters and the vowels with a tone mark below or a hook.
    private static bool IsVietnamese(char c) =>
        c is 'ư' or 'ơ' or 'đ' or 'Ư' or 'Ơ' or 'Đ' or 'ă' or 'Ă' || (c >= '\u1EA0' && c <= '\u1EF9');

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
