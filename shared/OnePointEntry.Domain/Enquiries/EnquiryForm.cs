namespace OnePointEntry.Enquiries;

/// <summary>An enquiry form exactly as submitted: every value as text, nothing checked yet.</summary>
public sealed record EnquiryForm
{
    public string? Organisation { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    public string? Phone { get; init; }

    public string? DelegationSize { get; init; }

    public string? ArrivalDate { get; init; }

    public string? DepartureDate { get; init; }

    public string? Purpose { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    public string? ReferredBy { get; init; }

    public string? Language { get; init; }

    public string? Website { get; init; }

    /// <summary>
    /// Fields whose value could not be read as text at all (e.g. a JSON object where text belongs), with
    /// why; the validator reports them beside the other errors.
    /// </summary>
    public IReadOnlyDictionary<string, string> Unreadable { get; init; } = new Dictionary<string, string>();

    /// <summary>A bot filled in the field people never see.</summary>
    public bool IsFromBot => !string.IsNullOrWhiteSpace(Website);
}
