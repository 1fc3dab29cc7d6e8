using System.Globalization;
using System.Text;
using OnePointEntry.Geography;

namespace OnePointEntry.Extraction;

internal enum PlaceKind
{
    Country,
    Region,
    City,
    Municipality,
    Demonym,
    NotPlace,
}

/// <summary>A place name the extractor knows, and what it names.</summary>
/// <param name="Languages">For a country name: the languages it is that country's name in (Danish "Island" is Iceland, English "island" is not).</param>
internal sealed record Place(PlaceKind Kind, string Name, string? Country, string? Region, City? City, IReadOnlySet<string>? Languages);

/// <summary>A Danish or Swedish municipality or region, from <c>Data/municipalities.json</c>.</summary>
/// <param name="Name">The local name without "Kommune"/"kommun"/"Region", as referredBy gives it.</param>
/// <param name="Forms">Other spellings of the bare name (genitives, English, without diacritics).</param>
/// <param name="FullNames">Names written out in full ("City of Copenhagen", "Region Hovedstaden").</param>
internal sealed record Municipality(string Name, string Country, string Kind, string? Region, IReadOnlyList<string> Forms, IReadOnlyList<string> FullNames);

/// <summary>A first-level division (province, state), from <c>Data/regions.json</c>.</summary>
internal sealed record RegionEntry(string Name, string Country, IReadOnlyList<string> Aliases);

/// <summary>
/// One scanner over every place name the extractor knows: countries (all languages), first-level regions,
/// cities with their aliases, Danish and Skåne municipalities with their suffixes, demonyms, and the words
/// that hold a place name without being that place. Longest match wins.
/// </summary>
internal sealed class PlaceIndex
{
    private static readonly Lazy<PlaceIndex> s_default = new(() => new PlaceIndex(
        CountryDirectory.Default.Countries,
        ReferenceData.Read<List<City>>("cities.json"),
        ReferenceData.Read<List<RegionEntry>>("regions.json"),
        ReferenceData.Read<List<Municipality>>("municipalities.json"),
        ExtractionCues.Default));

    private readonly PhraseScanner<Place> _scanner;

    public PlaceIndex(IEnumerable<Country> countries, IEnumerable<City> cities, IEnumerable<RegionEntry> regions, IEnumerable<Municipality> municipalities, ExtractionCues cues)
    {
        var phrases = new List<(string, Place)>();
        foreach (var country in countries)
        {
            var languagesByName = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (language, names) in country.Names)
            {
                foreach (var name in names)
                {
                    if (!languagesByName.TryGetValue(name, out var set))
                    {
                        set = new HashSet<string>(StringComparer.Ordinal);
                        languagesByName[name] = set;
                    }

                    set.Add(language);
                }
            }

            foreach (var (name, languages) in languagesByName)
            {
                // A name that is also English, or in Chinese, reads the same in every language.
                IReadOnlySet<string>? only = languages.Contains("en") || languages.Contains("zh") ? null : languages;
                phrases.Add((name, new Place(PlaceKind.Country, country.Code, country.Code, null, null, only)));
            }
        }

        var regionList = regions.ToList();
        foreach (var region in regionList)
        {
            foreach (var name in region.Aliases.Prepend(region.Name))
            {
                phrases.Add((name, new Place(PlaceKind.Region, region.Name, region.Country, region.Name, null, null)));
            }
        }

        foreach (var city in cities)
        {
            foreach (var name in city.Aliases.Prepend(city.Name).Append(PlainName(city.Name)))
            {
                phrases.Add((name, new Place(PlaceKind.City, PlainName(city.Name), city.Country, city.Region, city, null)));
            }
        }

        Municipalities = municipalities.ToList();
        foreach (var municipality in Municipalities)
        {
            var place = new Place(PlaceKind.Municipality, municipality.Name, municipality.Country, municipality.Region, null, null);
            foreach (var name in MunicipalityNames(municipality))
            {
                phrases.Add((name, place));
            }
        }

        foreach (var (code, words) in cues.Demonyms)
        {
            foreach (var word in words)
            {
                phrases.Add((word, new Place(PlaceKind.Demonym, code, code, null, null, null)));
            }
        }

        foreach (var word in cues.NotPlaces)
        {
            phrases.Add((word, new Place(PlaceKind.NotPlace, word, null, null, null, null)));
        }

        _scanner = new PhraseScanner<Place>(phrases, requireCapital: true, allowGenitive: true);
    }

    public static PlaceIndex Default => s_default.Value;

    public IReadOnlyList<Municipality> Municipalities { get; }

    public List<PhraseMatch<Place>> Scan(string text) => _scanner.Scan(text);

    /// <summary>"Suzhou (Anhui)" is written "Suzhou": the parenthesis only tells homonyms apart in the data.</summary>
    public static string PlainName(string name)
    {
        var open = name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    private static IEnumerable<string> MunicipalityNames(Municipality municipality)
    {
        var forms = municipality.Forms.Prepend(municipality.Name).SelectMany(Spellings).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var full in municipality.FullNames)
        {
            yield return full;
        }

        foreach (var form in forms)
        {
            var genitive = form.EndsWith('s') ? form : form + "s";
            if (municipality.Kind == "region")
            {
                yield return "Region " + form;
                yield return "Region " + genitive;
                continue;
            }

            if (municipality.Country == "DK")
            {
                yield return form + " Kommune";
                yield return genitive + " Kommune";
                yield return form + " Kommunes";
            }
            else
            {
                yield return form + " kommun";
                yield return genitive + " kommun";
                yield return form + " stad";
                yield return genitive + " stad";
            }

            yield return form + " Municipality";
            yield return "Municipality of " + form;
        }
    }

    // Danish and Swedish letters as people without them write them: Tårnby, Taarnby, Tarnby.
    private static IEnumerable<string> Spellings(string name)
    {
        yield return name;
        var doubled = name.Replace("å", "aa", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("Ø", "Oe", StringComparison.Ordinal);
        yield return doubled;
        var stripped = new StringBuilder();
        foreach (var c in name.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("Ø", "O", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                stripped.Append(c);
            }
        }

        yield return stripped.ToString().Normalize(NormalizationForm.FormC);
    }
}
