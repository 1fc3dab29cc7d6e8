namespace OnePointEntry.Themes;

/// <summary>One subject of the closed theme taxonomy, with the words that mark it in each language.</summary>
/// <param name="Id">The taxonomy id, e.g. <c>energy-climate</c>.</param>
/// <param name="Keywords">
/// Keywords by ISO 639-1 language. A Latin-script keyword matches a whole word or phrase (an English plural
/// "s"/"es" included); one ending in <c>*</c> matches any word it begins (Danish and German compounds);
/// a Chinese keyword matches anywhere, as Chinese does not separate words.
/// </param>
/// <param name="Names">What the theme is called where people choose it (the web form), by ISO 639-1 language.</param>
public sealed record Theme(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords,
    IReadOnlyDictionary<string, string>? Names = null)
{
    /// <summary>The theme's name in <paramref name="language"/>, falling back to English, then to the id.</summary>
    public string NameIn(string language) =>
        Names is not null && Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name) ? name
        : Names is not null && Names.TryGetValue("en", out var english) && !string.IsNullOrWhiteSpace(english) ? english
        : Id;
}
