namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// The facts of an enquiry that screening reads and staff correct, in the order the workspace shows them. The
/// one list of them: the editor, the correction's checks, the audit and the statistics all go by it.
/// </summary>
public static class EnquiryFields
{
    public static EnquiryField Organisation { get; } = Field(EnquiryFormFields.Organisation, EnquiryFieldKind.Text, EnquiryFieldLimits.Organisation, "Organisation", "Organisation");

    public static EnquiryField Country { get; } = Field(EnquiryFormFields.Country, EnquiryFieldKind.Country, EnquiryFieldLimits.Country, "Land", "Country");

    public static EnquiryField Region { get; } = Field("region", EnquiryFieldKind.Text, EnquiryFieldLimits.City, "Region eller provins", "Region or province");

    public static EnquiryField City { get; } = Field(EnquiryFormFields.City, EnquiryFieldKind.Text, EnquiryFieldLimits.City, "By", "City");

    public static EnquiryField Sector { get; } = Field("sector", EnquiryFieldKind.Choice, 20, "Sektor", "Sector", "public", "private", "academic", "other");

    public static EnquiryField Level { get; } = Field("level", EnquiryFieldKind.Choice, 20, "Niveau", "Level", "national", "provincial", "municipal");

    public static EnquiryField ArrivalDate { get; } = Field(EnquiryFormFields.ArrivalDate, EnquiryFieldKind.Date, 10, "Ankomst", "Arrival");

    public static EnquiryField DepartureDate { get; } = Field(EnquiryFormFields.DepartureDate, EnquiryFieldKind.Date, 10, "Afrejse", "Departure");

    public static EnquiryField DelegationSize { get; } = Field(EnquiryFormFields.DelegationSize, EnquiryFieldKind.Size, EnquiryFieldLimits.MaxDelegationSize, "Antal deltagere", "Delegation size");

    public static EnquiryField Themes { get; } = Field(EnquiryFormFields.Themes, EnquiryFieldKind.Themes, EnquiryFieldLimits.Themes, "Temaer", "Themes");

    public static EnquiryField ReferredBy { get; } = Field(EnquiryFormFields.ReferredBy, EnquiryFieldKind.Text, EnquiryFieldLimits.ReferredBy, "Henvist af", "Referred by");

    public static EnquiryField Language { get; } = Field(EnquiryFormFields.Language, EnquiryFieldKind.Language, 2, "Sprog", "Language");

    /// <summary>Every field staff can correct, in the order they are shown.</summary>
    public static IReadOnlyList<EnquiryField> Correctable { get; } =
        [Organisation, Country, Region, City, Sector, Level, ArrivalDate, DepartureDate, DelegationSize, Themes, ReferredBy, Language];

    /// <summary>The correctable field named <paramref name="name"/> (as in JSON), or null.</summary>
    public static EnquiryField? Find(string name) => Correctable.FirstOrDefault(field => field.Name == name);

    private static EnquiryField Field(string name, EnquiryFieldKind kind, int maxLength, string danish, string english, params string[] choices) =>
        new(name, kind, maxLength, choices, new Dictionary<string, string>(StringComparer.Ordinal) { ["da"] = danish, ["en"] = english });
}
