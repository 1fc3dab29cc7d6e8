using System.Collections.Frozen;

namespace OnePointEntry.Geography;

/// <summary>Finds a country from an ISO code or a name in any language the data has (en, da, zh, ...).</summary>
public sealed class CountryDirectory
{
    private static readonly Lazy<CountryDirectory> s_default = new(() => new CountryDirectory(ReferenceData.Read<List<Country>>("countries.json")));

    private readonly FrozenDictionary<string, Country> _byCode;
    private readonly FrozenDictionary<string, Country> _byName;

    public CountryDirectory(IEnumerable<Country> countries)
    {
        var all = countries.ToList();
        _byCode = all.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var country in all)
        {
            foreach (var name in country.Names.Values.SelectMany(names => names))
            {
                // The first country to claim a name keeps it; the data is checked for clashes by a test.
                byName.TryAdd(NameKey.Of(name), country);
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Countries = all;
    }

    /// <summary>The directory built from the embedded <c>countries.json</c>.</summary>
    public static CountryDirectory Default => s_default.Value;

    public IReadOnlyList<Country> Countries { get; }

    public Country? Find(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }

        var text = codeOrName.Trim();
        if (text.Length == 2 && _byCode.TryGetValue(text, out var byCode))
        {
            return byCode;
        }

        return _byName.GetValueOrDefault(NameKey.Of(text));
    }
}
