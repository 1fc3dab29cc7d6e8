using System.Collections.Concurrent;
using System.Globalization;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// The countries and themes the pages offer, named and sorted in the page's language, and a fact's value as a
/// person reads it (a country's name, a choice's label, the themes' names).
/// </summary>
public sealed class WorkspaceChoices(CountryDirectory countries, ThemeTaxonomy themes)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> _countries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string Id, string Name)>> _themes = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Code, string Name)> Countries(string language) =>
        _countries.GetOrAdd(language, key =>
        {
            var comparer = StringComparer.Create(WorkspaceLanguage.Culture(key), CompareOptions.None);
            return [.. countries.Countries.Select(country => (country.Code, Name: country.NameIn(key))).OrderBy(country => country.Name, comparer).ThenBy(country => country.Code, StringComparer.Ordinal)];
        });

    public IReadOnlyList<(string Id, string Name)> Themes(string language) =>
        _themes.GetOrAdd(language, key =>
        {
            var comparer = StringComparer.Create(WorkspaceLanguage.Culture(key), CompareOptions.None);
            return [.. themes.Themes.Select(theme => (theme.Id, Name: theme.NameIn(key))).OrderBy(theme => theme.Name, comparer)];
        });

    public string CountryName(string? code, string language) =>
        countries.Find(code) is { } country ? country.NameIn(language) : code ?? string.Empty;

    public string ThemeName(string id, string language) =>
        themes.Themes.FirstOrDefault(theme => theme.Id == id)?.NameIn(language) ?? id;

    /// <summary>The value of the fact <paramref name="fieldName"/> as a person reads it; "(unknown)" for none.</summary>
    public string Display(string fieldName, string? value, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(value))
        {
            return text["facts.unknown"];
        }

        return EnquiryFields.Find(fieldName)?.Kind switch
        {
            EnquiryFieldKind.Country => $"{CountryName(value, text.Language)} ({value})",
            EnquiryFieldKind.Choice => text.Or($"choice.{fieldName}.{value}", value),
            EnquiryFieldKind.Themes => string.Join(", ", value.Split(EnquiryFieldValues.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => ThemeName(id, text.Language))),
            _ => value,
        };
    }

    /// <summary>What the field is called in the page's language.</summary>
    public static string Label(string fieldName, string language) =>
        EnquiryFields.Find(fieldName) is { } field && field.Labels.TryGetValue(language, out var label) ? label : fieldName;
}
