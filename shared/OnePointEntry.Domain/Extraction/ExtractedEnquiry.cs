namespace OnePointEntry.Extraction;

/// <summary>
/// The extraction contract (../shared/corpus/README.md in the planning material): what an enquiry says
/// about the delegation, null where it does not say or says it only vaguely.
/// </summary>
public sealed record ExtractedEnquiry
{
    /// <summary>ISO 639-1 code of the enquiry's own language (for a forward: the forwarded enquiry's).</summary>
    public string? Language { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the delegation's home country.</summary>
    public string? Country { get; init; }

    public string? Region { get; init; }

    public string? City { get; init; }

    /// <summary><c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>.</summary>
    public string? Sector { get; init; }

    /// <summary>For the public sector only: <c>national</c>, <c>provincial</c> or <c>municipal</c>.</summary>
    public string? Level { get; init; }

    public int? DelegationSize { get; init; }

    public DateOnly? ArrivalDate { get; init; }

    public DateOnly? DepartureDate { get; init; }

    /// <summary>Taxonomy ids, sorted, no duplicates.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>The Danish or Swedish municipality or region that forwarded the enquiry, by its local name.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>
    /// Why a person should read the mail before it is screened: a field the extractor could not read (a reader
    /// ran out of time or failed) is left empty and named here. Empty when every field was read.
    /// </summary>
    public IReadOnlyList<string> ReviewReasons { get; init; } = [];

    /// <summary>
    /// For each field that has a value, how sure the extractor is and the words it read it from (one per theme).
    /// A value the extractor was not sure enough of is left empty and named in <see cref="ReviewReasons"/>.
    /// </summary>
    public IReadOnlyList<FieldEvidence> Evidence { get; init; } = [];
}
