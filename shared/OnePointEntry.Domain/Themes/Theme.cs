namespace OnePointEntry.Themes;

/// <summary>One subject of the closed theme taxonomy, with the words that mark it in each language.</summary>
/// <param name="Id">The taxonomy id, e.g. <c>energy-climate</c>.</param>
/// <param name="Keywords">
/// Keywords by ISO 639-1 language. A Latin-script keyword matches a whole word or phrase (an English plural
/// "s"/"es" included); one ending in <c>*</c> matches any word it begins (Danish and German compounds);
/// a Chinese keyword matches anywhere, as Chinese does not separate words.
/// </param>
public sealed record Theme(string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords);
