namespace OnePointEntry.Themes;

/// <summary>One subject of the closed theme taxonomy, with the words that mark it in each language.</summary>
/// <param name="Id">The taxonomy id, e.g. <c>energy-climate</c>.</param>
/// <param name="Keywords">
/// Keywords by ISO 639-1 language. A Latin-script keyword matches a whole word or phrase (an English plural
/// "s"/"es" included); one ending in <c>*</c> matches any word it begins (Danish and German compounds);
/// a Chinese keyword matches anywhere, as Chinese does not separate words.
/// </param>
/// <param name="Names">What the theme is called where people choose it (the web form), by ISO 639-1 language.</param>
/// <param name="Weak">
/// Of <paramref name="Keywords"/>, by language, those that say little alone: a word with other senses
/// ("port", "water", "culture", 管理) or one that often names an office or a place rather than a topic. A
/// mention of one counts only in a request or together with another mention (see <see cref="ThemeReader"/>).
/// </param>
public sealed record Theme(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords,
    IReadOnlyDictionary<string, string>? Names = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Weak = null)
{
    /// <summary>Whether <paramref name="keyword"/>, one of the theme's keywords in <paramref name="language"/>, is weak evidence alone.</summary>
    public bool IsWeak(string language, string keyword) =>
        Weak is not null && Weak.TryGetValue(language, out var words) && words.Contains(keyword, StringComparer.OrdinalIgnoreCase);

    /// <summary>The theme's name in <paramref name="language"/>, falling back to English, then to the id.</summary>
    public string NameIn(string language) =>
        Names is not null && Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name) ? name
        : Names is not null && Names.TryGetValue("en", out var english) && !string.IsNullOrWhiteSpace(english) ? english
        : Id;
}
