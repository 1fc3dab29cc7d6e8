using System.Collections.Frozen;

namespace OnePointEntry.Geography;

/// <summary>Finds a city by any of its names, so a region can be derived from where a delegation is from.</summary>
public sealed class CityGazetteer
{
    private static readonly Lazy<CityGazetteer> s_default = new(() => new CityGazetteer(ReferenceData.Read<List<City>>("cities.json")));

    // Suffixes people add to a city's name that the gazetteer's names leave out.
    private static readonly string[] s_suffixes = [" city", " shi", "市"];

    private readonly FrozenDictionary<string, City[]> _byName;

    public CityGazetteer(IEnumerable<City> cities)
    {
        _byName = cities
            .SelectMany(city => city.Aliases.Prepend(city.Name).Select(name => (Key: NameKey.Of(name), City: city)))
            .GroupBy(entry => entry.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(entry => entry.City).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The gazetteer built from the embedded <c>cities.json</c>.</summary>
    public static CityGazetteer Default => s_default.Value;

    /// <summary>
    /// The city called <paramref name="name"/>; in <paramref name="countryCode"/> when that is known, so
    /// that a name shared by cities in two countries resolves to the right one.
    /// </summary>
    public City? Find(string? name, string? countryCode = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = NameKey.Of(name);
        return Pick(key, countryCode) ?? s_suffixes
            .Where(suffix => key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            .Select(suffix => Pick(key[..^suffix.Length].TrimEnd(), countryCode))
            .FirstOrDefault(city => city is not null);
    }

    private City? Pick(string key, string? countryCode)
    {
        if (!_byName.TryGetValue(key, out var candidates))
        {
            return null;
        }

        return countryCode is null
            ? candidates[0]
            : candidates.FirstOrDefault(city => city.Country.Equals(countryCode, StringComparison.OrdinalIgnoreCase));
    }
}
