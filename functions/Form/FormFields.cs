using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// The web form's fields in the order the page shows them, grouped into sections. Names, kinds, required fields and
/// limits are the enquiry's own (<see cref="EnquiryFields"/>), so the page can never ask for something the API refuses.
/// </summary>
public static class FormFields
{
    public static IReadOnlyList<(string SectionKey, IReadOnlyList<FormField> Fields)> Sections { get; } =
    [
        ("section.organisation",
        [
            new(EnquiryFields.Organisation, Autocomplete: "organization", HasHint: true),
            new(EnquiryFields.Country, Autocomplete: "country"),
            new(EnquiryFields.City, Autocomplete: "address-level2"),
            new(EnquiryFields.ReferredBy, Autocomplete: "off", HasHint: true),
        ]),
        ("section.visit",
        [
            new(EnquiryFields.DelegationSize, Autocomplete: "off"),
            new(EnquiryFields.ArrivalDate, Autocomplete: "off"),
            new(EnquiryFields.DepartureDate, Autocomplete: "off"),
            new(EnquiryFields.Purpose, Autocomplete: "off", HasHint: true),
            new(EnquiryFields.Themes, HasHint: true),
        ]),
        ("section.contact",
        [
            new(EnquiryFields.ContactName, Autocomplete: "name"),
            new(EnquiryFields.ContactEmail, Autocomplete: "email", HasHint: true),
            new(EnquiryFields.Phone, Autocomplete: "tel"),
        ]),
    ];

    public static IReadOnlyList<FormField> All { get; } = [.. Sections.SelectMany(section => section.Fields)];

    public static FormField? Find(string name) => All.FirstOrDefault(field => field.Name == name);

    /// <summary>The label text key of a field; the themes group has a legend instead.</summary>
    public static string LabelKey(string name) => name == EnquiryFormFields.Themes ? "field.themes.legend" : $"field.{name}.label";
}
