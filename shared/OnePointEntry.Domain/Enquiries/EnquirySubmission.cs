namespace OnePointEntry.Enquiries;

/// <summary>A form that passed validation: trimmed, typed, and with no empty strings.</summary>
public sealed record EnquirySubmission
{
    public required string Organisation { get; init; }

    /// <summary>The country as the sender wrote it (a code or a name); screening normalises it.</summary>
    public required string Country { get; init; }

    public string? City { get; init; }

    public string? ContactName { get; init; }

    public required string ContactEmail { get; init; }

    public string? Phone { get; init; }

    public int? DelegationSize { get; init; }

    public DateOnly? ArrivalDate { get; init; }

    public DateOnly? DepartureDate { get; init; }

    public required string Purpose { get; init; }

    /// <summary>Theme ids the sender picked, sorted and without duplicates.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    public string? ReferredBy { get; init; }

    /// <summary>ISO 639-1 code, lower case.</summary>
    public string? Language { get; init; }

    /// <summary>The province or state, when the sender's mail named it (forms derive it from the city).</summary>
    public string? Region { get; init; }

    /// <summary><c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>, when read from the mail.</summary>
    public string? Sector { get; init; }

    /// <summary><c>national</c>, <c>provincial</c> or <c>municipal</c> for a public delegation, when read from the mail.</summary>
    public string? Level { get; init; }
}
