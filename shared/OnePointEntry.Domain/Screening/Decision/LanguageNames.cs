namespace OnePointEntry.Screening.Decision;

/// <summary>English names of the languages enquiries come in, for reasons people read.</summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["da"] = "Danish",
        ["en"] = "English",
        ["zh"] = "Chinese",
        ["sv"] = "Swedish",
        ["no"] = "Norwegian",
        ["nb"] = "Norwegian",
        ["de"] = "German",
        ["fr"] = "French",
        ["es"] = "Spanish",
        ["it"] = "Italian",
        ["nl"] = "Dutch",
        ["fi"] = "Finnish",
        ["pl"] = "Polish",
        ["ru"] = "Russian",
        ["ja"] = "Japanese",
        ["ko"] = "Korean",
        ["vi"] = "Vietnamese",
        ["ar"] = "Arabic",
        ["pt"] = "Portuguese",
        ["th"] = "Thai",
        ["id"] = "Indonesian",
    };

    /// <summary>"Chinese (zh)", or the code alone when the name is not known.</summary>
    public static string Describe(string code) =>
        s_names.TryGetValue(code, out var name) ? $"{name} ({code.ToLowerInvariant()})" : code.ToLowerInvariant();
}
