namespace OnePointEntry.Geography;

/// <summary>A country or territory by its ISO 3166-1 alpha-2 code, with the names people write it by.</summary>
/// <param name="Code">ISO 3166-1 alpha-2, upper case.</param>
/// <param name="Names">Names by ISO 639-1 language; the first of each list is the common short name.</param>
public sealed record Country(string Code, IReadOnlyDictionary<string, IReadOnlyList<string>> Names)
{
    /// <summary>The common name in <paramref name="language"/>, falling back to English, then to the code.</summary>
    public string NameIn(string language) =>
        Names.TryGetValue(language, out var names) && names.Count > 0 ? names[0]
        : Names.TryGetValue("en", out var english) && english.Count > 0 ? english[0]
        : Code;
}
