using System.Globalization;
using OnePointEntry.Geography;
using OnePointEntry.Text;
using OnePointEntry.Themes;

namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// Reads a value staff typed for a field into its canonical text (a country code, <c>yyyy-MM-dd</c>, theme ids
/// joined by commas), or says in one sentence why it cannot be taken. Empty input clears a field that may be
/// unknown.
/// </summary>
public sealed class EnquiryFieldValues(CountryDirectory countries, ThemeTaxonomy themes)
{
    public const string DateFormat = CanonicalText.DateFormat;
    public const string ListSeparator = CanonicalText.ListSeparator;

    public FieldValue Read(EnquiryField field, string? input)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = input is null ? string.Empty : InputText.Normalise(input).Trim();
        if (text.Length == 0)
        {
            return field == EnquiryFields.Organisation
                ? FieldValue.Refused($"{field.Name} cannot be empty: every enquiry names its organisation.")
                : FieldValue.Of(string.Empty);
        }

        var multi = field.Kind == EnquiryFieldKind.Themes;
        if (!multi && text.Length > field.MaxLength && field.Kind != EnquiryFieldKind.Size)
        {
            return FieldValue.Refused($"{field.Name} is longer than {field.MaxLength} characters.");
        }

        if (InputText.FindRefused(text, TextKind.SingleLine) is { } refused)
        {
            return FieldValue.Refused($"{field.Name} holds {refused}, which is not allowed in one line of text.");
        }

        return field.Kind switch
        {
            EnquiryFieldKind.Text => FieldValue.Of(text),
            EnquiryFieldKind.Country => countries.Find(text) is { } country
                ? FieldValue.Of(country.Code)
                : FieldValue.Refused($"{field.Name} '{text}' is not a country known by its ISO code or its English, Danish or Chinese name."),
            EnquiryFieldKind.Choice => field.Choices.FirstOrDefault(choice => choice.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } choice
                ? FieldValue.Of(choice)
                : FieldValue.Refused($"{field.Name} must be one of: {string.Join(", ", field.Choices)}."),
            EnquiryFieldKind.Date => DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? FieldValue.Of(date.ToString(DateFormat, CultureInfo.InvariantCulture))
                : FieldValue.Refused($"{field.Name} must be a date written {DateFormat}."),
            EnquiryFieldKind.Size => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && size is >= EnquiryFieldLimits.MinDelegationSize and <= EnquiryFieldLimits.MaxDelegationSize
                ? FieldValue.Of(size.ToString(CultureInfo.InvariantCulture))
                : FieldValue.Refused($"{field.Name} must be a whole number from {EnquiryFieldLimits.MinDelegationSize} to {EnquiryFieldLimits.MaxDelegationSize}."),
            EnquiryFieldKind.Themes => ReadThemes(field, text),
            EnquiryFieldKind.Language => text.Length == 2 && text.All(char.IsAsciiLetter)
                ? FieldValue.Of(text.ToLowerInvariant())
                : FieldValue.Refused($"{field.Name} must be a two-letter ISO 639-1 code, such as da, en or zh."),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "A field kind without a reader."),
        };
    }

    private FieldValue ReadThemes(EnquiryField field, string text)
    {
        var ids = text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (ids.FirstOrDefault(id => !themes.IsKnown(id)) is { } unknown)
        {
            return FieldValue.Refused($"{field.Name}: '{(unknown.Length > 40 ? unknown[..40] + "…" : unknown)}' is not a theme of the taxonomy.");
        }

        return ids.Count > field.MaxLength
            ? FieldValue.Refused($"{field.Name} may hold at most {field.MaxLength} themes.")
            : FieldValue.Of(string.Join(ListSeparator, ids));
    }
}
