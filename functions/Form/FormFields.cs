using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// The web form's fields in the order the page shows them, grouped into sections, with the API's own names,
/// required fields and limits, so the page can never ask for something the API refuses.
/// </summary>
public static class FormFields
{
    public static IReadOnlyList<(string SectionKey, IReadOnlyList<FormField> Fields)> Sections { get; } =
    [
        ("section.organisation",
        [
            new(EnquiryFormFields.Organisation, FormFieldKind.Text, Required: true, MaxLength: EnquiryFieldLimits.Organisation, Autocomplete: "organization", HasHint: true),
            new(EnquiryFormFields.Country, FormFieldKind.Country, Required: true, Autocomplete: "country"),
            new(EnquiryFormFields.City, FormFieldKind.Text, MaxLength: EnquiryFieldLimits.City, Autocomplete: "address-level2"),
            new(EnquiryFormFields.ReferredBy, FormFieldKind.Text, MaxLength: EnquiryFieldLimits.ReferredBy, Autocomplete: "off", HasHint: true),
        ]),
        ("section.visit",
        [
            new(EnquiryFormFields.DelegationSize, FormFieldKind.Number, Autocomplete: "off"),
            new(EnquiryFormFields.ArrivalDate, FormFieldKind.Date, Autocomplete: "off"),
            new(EnquiryFormFields.DepartureDate, FormFieldKind.Date, Autocomplete: "off"),
            new(EnquiryFormFields.Purpose, FormFieldKind.LongText, Required: true, MaxLength: EnquiryFieldLimits.Purpose, Autocomplete: "off", HasHint: true),
            new(EnquiryFormFields.Themes, FormFieldKind.Themes, HasHint: true),
        ]),
        ("section.contact",
        [
            new(EnquiryFormFields.ContactName, FormFieldKind.Text, MaxLength: EnquiryFieldLimits.ContactName, Autocomplete: "name"),
            new(EnquiryFormFields.ContactEmail, FormFieldKind.Email, Required: true, MaxLength: EnquiryFieldLimits.ContactEmail, Autocomplete: "email", HasHint: true),
            new(EnquiryFormFields.Phone, FormFieldKind.Telephone, MaxLength: EnquiryFieldLimits.Phone, Autocomplete: "tel"),
        ]),
    ];

    public static IReadOnlyList<FormField> All { get; } = [.. Sections.SelectMany(section => section.Fields)];

    public static FormField? Find(string name) => All.FirstOrDefault(field => field.Name == name);

    /// <summary>The label text key of a field; the themes group has a legend instead.</summary>
    public static string LabelKey(string name) => name == EnquiryFormFields.Themes ? "field.themes.legend" : $"field.{name}.label";
}
