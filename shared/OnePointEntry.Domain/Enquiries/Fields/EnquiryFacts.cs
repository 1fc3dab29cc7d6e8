namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// The facts of an enquiry as they stand: what staff corrected, else what screening established, else what the
/// sender gave. What the statistics count, the worklist files and the workspace shows.
/// </summary>
public sealed record EnquiryFacts
{
    public string? Organisation { get; init; }

    /// <summary>ISO 3166-1 alpha-2; null when not known.</summary>
    public string? CountryCode { get; init; }

    public string? Region { get; init; }

    public string? City { get; init; }

    public string? Sector { get; init; }

    public string? Level { get; init; }

    public DateOnly? ArrivalDate { get; init; }

    public DateOnly? DepartureDate { get; init; }

    public int? DelegationSize { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public string? ReferredBy { get; init; }

    public string? Language { get; init; }

    /// <summary>The facts as the machine read them: screening's where it ran, else the sender's; no corrections.</summary>
    public static EnquiryFacts AsRead(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var submission = enquiry.Submission;
        var screening = enquiry.Screening;
        return new EnquiryFacts
        {
            Organisation = submission.Organisation,
            CountryCode = screening?.CountryCode,
            Region = screening is null ? submission.Region : screening.Region,
            City = screening is null ? submission.City : screening.City,
            Sector = screening is null ? submission.Sector : screening.Sector,
            Level = screening is null ? submission.Level : screening.Level,
            ArrivalDate = submission.ArrivalDate,
            DepartureDate = submission.DepartureDate,
            DelegationSize = submission.DelegationSize,
            Themes = screening?.Themes ?? submission.Themes,
            ReferredBy = submission.ReferredBy,
            Language = submission.Language,
        };
    }

    /// <summary>The facts as they stand: <see cref="AsRead"/> with staff's corrections over it.</summary>
    public static EnquiryFacts Of(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var facts = AsRead(enquiry);
        foreach (var (name, value) in enquiry.Corrections)
        {
            if (EnquiryFields.Find(name) is { } field)
            {
                facts = facts.With(field, value);
            }
        }

        return facts;
    }

    /// <summary>The value of <paramref name="field"/> as text in its canonical form (as corrections are stored); null when unknown.</summary>
    public string? ValueOf(EnquiryField field) => AccessorOf(field).Get(this);

    /// <summary>These facts with <paramref name="field"/> set to <paramref name="value"/> (canonical text; empty clears it).</summary>
    public EnquiryFacts With(EnquiryField field, string? value) =>
        AccessorOf(field).Set(this, string.IsNullOrEmpty(value) ? null : value);

    private static FieldAccessor<EnquiryFacts> AccessorOf(EnquiryField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Fact ?? throw new ArgumentException($"'{field.Name}' is not a fact of an enquiry.", nameof(field));
    }
}
