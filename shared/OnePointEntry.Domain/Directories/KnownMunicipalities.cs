using System.Collections.Frozen;
using OnePointEntry.Extraction;
using OnePointEntry.Geography;

namespace OnePointEntry.Directories;

/// <summary>
/// The Danish and Skåne municipalities by the local names a partner's <see cref="Partner.Municipality"/>
/// uses (<c>København</c>, <c>Glostrup</c>, <c>Malmö</c>), from the same <c>Data/municipalities.json</c> the
/// extractor reads, so a partner's municipality and a referring municipality are spelled alike.
/// </summary>
public sealed class KnownMunicipalities
{
    private static readonly Lazy<KnownMunicipalities> s_default = new(() => new KnownMunicipalities(ReferenceData.Read<List<Municipality>>("municipalities.json")));

    private static readonly string[] s_suffixes = [" kommune", " kommun", " municipality", " stad", " regionskommune"];

    private readonly FrozenSet<string> _names;
    private readonly FrozenDictionary<string, string> _byAnyName;

    internal KnownMunicipalities(IEnumerable<Municipality> entries)
    {
        var municipalities = entries.Where(entry => entry.Kind == "municipality").ToList();
        _names = municipalities.Select(municipality => municipality.Name).ToFrozenSet(StringComparer.Ordinal);
        var byAnyName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var municipality in municipalities)
        {
            foreach (var name in municipality.Forms.Concat(municipality.FullNames).Prepend(municipality.Name))
            {
                // The bare name first, so a form another municipality also uses never hides a real name.
                byAnyName.TryAdd(NameKey.Of(name), municipality.Name);
            }
        }

        _byAnyName = byAnyName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The municipalities of the embedded <c>municipalities.json</c>.</summary>
    public static KnownMunicipalities Default => s_default.Value;

    /// <summary>Whether <paramref name="name"/> is a municipality's local name exactly as the data writes it.</summary>
    public bool IsKnown(string name) => _names.Contains(name);

    /// <summary>
    /// The local name <paramref name="name"/> most likely means ("Copenhagen", "Københavns Kommune" and
    /// "københavn" give <c>København</c>), or null when it names no known municipality.
    /// </summary>
    public string? Suggest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameKey.Of(name);
        if (_byAnyName.TryGetValue(key, out var found))
        {
            return found;
        }

        return s_suffixes
            .Where(suffix => key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            .Select(suffix => _byAnyName.GetValueOrDefault(key[..^suffix.Length].TrimEnd()))
            .FirstOrDefault(candidate => candidate is not null);
    }
}
