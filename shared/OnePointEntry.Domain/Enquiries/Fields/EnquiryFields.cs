using OnePointEntry.Mail;

namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// Every field of an enquiry, the one description of each: the form reader reads the fields a form carries, the
/// validator checks them by kind and bounds, storage keeps each under its property, erasure clears the personal
/// ones, and the status view, the editor, the corrections, the audit and the statistics show and change the facts.
/// Adding a field is done here (and in the records that hold its value); a form that shows it also places it in
/// the page's own layout and texts.
/// </summary>
public static class EnquiryFields
{
    public static EnquiryField Organisation { get; } = Field(EnquiryFormFields.Organisation, EnquiryFieldKind.Text, EnquiryFieldLimits.Organisation, "Organisation", "Organisation") with
    {
        Required = true,
        StoredAs = "Organisation",
        StoredLength = 500,
        Form = new(form => form.Organisation, (form, value) => form with { Organisation = value }),
        Submission = new(submission => submission.Organisation, (submission, value) => submission with { Organisation = value ?? string.Empty }),
        Fact = new(facts => facts.Organisation, (facts, value) => facts with { Organisation = value }),
    };

    /// <summary>The sender writes a country as a code or a name and the submission keeps it so; the fact is its ISO code.</summary>
    public static EnquiryField Country { get; } = Field(EnquiryFormFields.Country, EnquiryFieldKind.Country, EnquiryFieldLimits.Country, "Land", "Country") with
    {
        Required = true,
        StoredAs = "Country",
        StoredLength = 200,
        Form = new(form => form.Country, (form, value) => form with { Country = value }),
        Submission = new(submission => submission.Country, (submission, value) => submission with { Country = value ?? string.Empty }),
        Fact = new(facts => facts.CountryCode, (facts, value) => facts with { CountryCode = value }),
    };

    /// <summary>A mail may name the region; a form's is found from its city.</summary>
    public static EnquiryField Region { get; } = Field("region", EnquiryFieldKind.Text, EnquiryFieldLimits.City, "Region eller provins", "Region or province") with
    {
        StoredAs = "SubmittedRegion",
        StoredLength = ShortFactLength,
        Submission = new(submission => submission.Region, (submission, value) => submission with { Region = value }),
        Fact = new(facts => facts.Region, (facts, value) => facts with { Region = value }),
    };

    public static EnquiryField City { get; } = Field(EnquiryFormFields.City, EnquiryFieldKind.Text, EnquiryFieldLimits.City, "By", "City") with
    {
        StoredAs = "City",
        StoredLength = 200,
        Form = new(form => form.City, (form, value) => form with { City = value }),
        Submission = new(submission => submission.City, (submission, value) => submission with { City = value }),
        Fact = new(facts => facts.City, (facts, value) => facts with { City = value }),
    };

    public static EnquiryField ContactName { get; } = Field(EnquiryFormFields.ContactName, EnquiryFieldKind.Text, EnquiryFieldLimits.ContactName, "Kontaktperson", "Contact person") with
    {
        Personal = true,
        StoredAs = "ContactName",
        StoredLength = 300,
        Form = new(form => form.ContactName, (form, value) => form with { ContactName = value }),
        Submission = new(submission => submission.ContactName, (submission, value) => submission with { ContactName = value }),
    };

    public static EnquiryField ContactEmail { get; } = Field(EnquiryFormFields.ContactEmail, EnquiryFieldKind.Email, EnquiryFieldLimits.ContactEmail, "E-mailadresse", "E-mail address") with
    {
        Required = true,
        Personal = true,
        StoredAs = "ContactEmail",
        StoredLength = 320,
        Form = new(form => form.ContactEmail, (form, value) => form with { ContactEmail = value }),
        Submission = new(submission => submission.ContactEmail, (submission, value) => submission with { ContactEmail = value ?? string.Empty }),
    };

    public static EnquiryField Phone { get; } = Field(EnquiryFormFields.Phone, EnquiryFieldKind.Phone, EnquiryFieldLimits.Phone, "Telefon", "Phone") with
    {
        Personal = true,
        StoredAs = "Phone",
        StoredLength = 100,
        Form = new(form => form.Phone, (form, value) => form with { Phone = value }),
        Submission = new(submission => submission.Phone, (submission, value) => submission with { Phone = value }),
    };

    public static EnquiryField DelegationSize { get; } = Field(EnquiryFormFields.DelegationSize, EnquiryFieldKind.Size, EnquiryFieldLimits.MaxDelegationSize, "Antal deltagere", "Delegation size") with
    {
        StoredAs = "DelegationSize",
        Form = new(form => form.DelegationSize, (form, value) => form with { DelegationSize = value }),
        Submission = new(submission => CanonicalText.Of(submission.DelegationSize), (submission, value) => submission with { DelegationSize = CanonicalText.NumberOf(value) }),
        Fact = new(facts => CanonicalText.Of(facts.DelegationSize), (facts, value) => facts with { DelegationSize = CanonicalText.NumberOf(value) }),
    };

    public static EnquiryField ArrivalDate { get; } = Field(EnquiryFormFields.ArrivalDate, EnquiryFieldKind.Date, CanonicalText.DateFormat.Length, "Ankomst", "Arrival") with
    {
        StoredAs = "ArrivalDate",
        Form = new(form => form.ArrivalDate, (form, value) => form with { ArrivalDate = value }),
        Submission = new(submission => CanonicalText.Of(submission.ArrivalDate), (submission, value) => submission with { ArrivalDate = CanonicalText.DateOf(value) }),
        Fact = new(facts => CanonicalText.Of(facts.ArrivalDate), (facts, value) => facts with { ArrivalDate = CanonicalText.DateOf(value) }),
    };

    public static EnquiryField DepartureDate { get; } = Field(EnquiryFormFields.DepartureDate, EnquiryFieldKind.Date, CanonicalText.DateFormat.Length, "Afrejse", "Departure") with
    {
        NotBefore = ArrivalDate,
        StoredAs = "DepartureDate",
        Form = new(form => form.DepartureDate, (form, value) => form with { DepartureDate = value }),
        Submission = new(submission => CanonicalText.Of(submission.DepartureDate), (submission, value) => submission with { DepartureDate = CanonicalText.DateOf(value) }),
        Fact = new(facts => CanonicalText.Of(facts.DepartureDate), (facts, value) => facts with { DepartureDate = CanonicalText.DateOf(value) }),
    };

    public static EnquiryField Purpose { get; } = Field(EnquiryFormFields.Purpose, EnquiryFieldKind.Message, EnquiryFieldLimits.Purpose, "Formål med besøget", "Purpose of the visit") with
    {
        Required = true,
        Personal = true,
        StoredAs = "Purpose",
        // One less than intake keeps of a mail's text, so that any text intake had to shorten is marked as cut as well.
        StoredLength = MailIntake.MaxStoredText - 1,
        Form = new(form => form.Purpose, (form, value) => form with { Purpose = value }),
        Submission = new(submission => submission.Purpose, (submission, value) => submission with { Purpose = value ?? string.Empty }),
    };

    public static EnquiryField Themes { get; } = Field(EnquiryFormFields.Themes, EnquiryFieldKind.Themes, EnquiryFieldLimits.Themes, "Temaer", "Themes") with
    {
        StoredAs = "RequestedThemes",
        StoredLength = 2_000,
        Form = new(form => CanonicalText.Of(form.Themes), (form, value) => form with { Themes = CanonicalText.ListOf(value) }),
        Submission = new(submission => CanonicalText.Of(submission.Themes), (submission, value) => submission with { Themes = CanonicalText.ListOf(value) }),
        Fact = new(facts => CanonicalText.Of(facts.Themes), (facts, value) => facts with { Themes = CanonicalText.ListOf(value) }),
    };

    /// <summary>Personal: a sender may write a person's name here; screening has already turned it into partner suggestions.</summary>
    public static EnquiryField ReferredBy { get; } = Field(EnquiryFormFields.ReferredBy, EnquiryFieldKind.Text, EnquiryFieldLimits.ReferredBy, "Henvist af", "Referred by") with
    {
        Personal = true,
        StoredAs = "ReferredBy",
        StoredLength = 300,
        Form = new(form => form.ReferredBy, (form, value) => form with { ReferredBy = value }),
        Submission = new(submission => submission.ReferredBy, (submission, value) => submission with { ReferredBy = value }),
        Fact = new(facts => facts.ReferredBy, (facts, value) => facts with { ReferredBy = value }),
    };

    public static EnquiryField Language { get; } = Field(EnquiryFormFields.Language, EnquiryFieldKind.Language, 2, "Sprog", "Language") with
    {
        StoredAs = "Language",
        StoredLength = 50,
        Form = new(form => form.Language, (form, value) => form with { Language = value }),
        Submission = new(submission => submission.Language, (submission, value) => submission with { Language = value }),
        Fact = new(facts => facts.Language, (facts, value) => facts with { Language = value }),
    };

    /// <summary>Read from a mail; a form's is found from its organisation and message.</summary>
    public static EnquiryField Sector { get; } = Field("sector", EnquiryFieldKind.Choice, 20, "Sektor", "Sector", "public", "private", "academic", "other") with
    {
        StoredAs = "Sector",
        StoredLength = ShortFactLength,
        Submission = new(submission => submission.Sector, (submission, value) => submission with { Sector = value }),
        Fact = new(facts => facts.Sector, (facts, value) => facts with { Sector = value }),
    };

    public static EnquiryField Level { get; } = Field("level", EnquiryFieldKind.Choice, 20, "Niveau", "Level", "national", "provincial", "municipal") with
    {
        StoredAs = "Level",
        StoredLength = ShortFactLength,
        Submission = new(submission => submission.Level, (submission, value) => submission with { Level = value }),
        Fact = new(facts => facts.Level, (facts, value) => facts with { Level = value }),
    };

    public static EnquiryField Website { get; } = Field(EnquiryFormFields.Website, EnquiryFieldKind.Honeypot, 0, "Websted (fælde for robotter)", "Website (a trap for bots)") with
    {
        Form = new(form => form.Website, (form, value) => form with { Website = value }),
    };

    /// <summary>Every field, in the order a form's fields are checked and its problems reported.</summary>
    public static IReadOnlyList<EnquiryField> All { get; } =
        [Organisation, Country, Region, City, ContactName, ContactEmail, Phone, DelegationSize, ArrivalDate, DepartureDate, Purpose, Themes, ReferredBy, Language, Sector, Level, Website];

    /// <summary>Every field staff can correct (the facts), in the order they are shown.</summary>
    public static IReadOnlyList<EnquiryField> Correctable { get; } =
        [Organisation, Country, Region, City, Sector, Level, ArrivalDate, DepartureDate, DelegationSize, Themes, ReferredBy, Language];

    /// <summary>The fields a sender's form carries, honeypot included.</summary>
    public static IReadOnlyList<EnquiryField> OnForm { get; } = [.. All.Where(field => field.Form is not null)];

    /// <summary>The fields a submission keeps, each under its table property.</summary>
    public static IReadOnlyList<EnquiryField> Submitted { get; } = [.. All.Where(field => field.Submission is not null)];

    /// <summary>The fields erasure clears.</summary>
    public static IReadOnlyList<EnquiryField> Personal { get; } = [.. All.Where(field => field.Personal)];

    /// <summary>The correctable field named <paramref name="name"/> (as in JSON), or null.</summary>
    public static EnquiryField? Find(string name) => Correctable.FirstOrDefault(field => field.Name == name);

    /// <summary>Any field named <paramref name="name"/> (as in JSON), or null; <see cref="Find"/> for one staff may correct.</summary>
    public static EnquiryField? Named(string name) => All.FirstOrDefault(field => field.Name == name);

    /// <summary>A submission holding, for each field it keeps, what <paramref name="valueOf"/> gives (canonical text; null for none).</summary>
    public static EnquirySubmission SubmissionOf(Func<EnquiryField, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var submission = new EnquirySubmission { Organisation = string.Empty, Country = string.Empty, ContactEmail = string.Empty, Purpose = string.Empty };
        foreach (var field in Submitted)
        {
            submission = field.Submission!.Set(submission, valueOf(field));
        }

        return submission;
    }

    // The short facts (a region, a sector, a level) as a mail may name them.
    private const int ShortFactLength = 200;

    private static EnquiryField Field(string name, EnquiryFieldKind kind, int maxLength, string danish, string english, params string[] choices) =>
        new(name, kind, maxLength, choices, new Dictionary<string, string>(StringComparer.Ordinal) { ["da"] = danish, ["en"] = english });
}
