namespace OnePointEntry.Enquiries;

/// <summary>A delegation's enquiry as One-Point Entry holds it: what was sent, and what screening made of it.</summary>
public sealed record Enquiry
{
    public required EnquiryReference Reference { get; init; }

    public required EnquirySource Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public EnquiryStatus Status { get; init; } = EnquiryStatus.Received;

    public required EnquirySubmission Submission { get; init; }

    /// <summary>Where the e-mail behind a mailed enquiry is; null for a web-form enquiry.</summary>
    public MailOrigin? Mail { get; init; }

    /// <summary>Why a person must look at the enquiry, when its status is <see cref="EnquiryStatus.NeedsManualReview"/>.</summary>
    public string? ManualReviewReason { get; init; }

    /// <summary>What screening found; null until the enquiry is screened.</summary>
    public ScreenedFacts? Screening { get; init; }

    /// <summary>Who screens it, which partners fit and how urgent it is, with the reasons; null until screened.</summary>
    public Screening.Decision.ScreeningDecision? Decision { get; init; }

    /// <summary>
    /// The day the delegation arrives, set by staff when the visit is scheduled (else the arrival the sender
    /// asked for holds). The statistics count a facilitated delegation in this day's month.
    /// </summary>
    public DateOnly? VisitDate { get; init; }

    /// <summary>
    /// The enquiry about the same delegation that staff chose to count (a municipality and a company forwarding the
    /// same visit, say); null when this enquiry stands for its own delegation. Only that one counts as facilitated.
    /// </summary>
    public EnquiryReference? SameDelegationAs { get; init; }

    /// <summary>What routing has done: the screener's calendar event, the Planner task, the Teams card.</summary>
    public Routing.RoutingRecord? Routing { get; init; }

    /// <summary>
    /// When the contact data and the message text were removed (retention or a request to erase); null while
    /// the enquiry still holds them. What the statistics count is kept.
    /// </summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>
    /// The stored fields whose text was longer than storage holds and was cut (ending with "…"); their whole
    /// text is in what the enquiry came from (a mail's original). Empty for nearly every enquiry.
    /// </summary>
    public IReadOnlyList<string> CutFields { get; init; } = [];

    /// <summary>
    /// For each fact the machine read from a mail, how sure it was and the words it read it from (one per theme),
    /// as the extractor gave them at intake: it explains <see cref="Fields.EnquiryFacts.AsRead"/>, not a staff
    /// correction. Empty for a web-form enquiry (the sender typed each field) and for enquiries stored before
    /// evidence was kept. The quotes are message text: erasure clears them and keeps the rest.
    /// </summary>
    public IReadOnlyList<Extraction.FieldEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// What staff corrected of the facts the machine read: field name (see <see cref="Fields.EnquiryFields"/>) to
    /// canonical text, empty for a fact staff cleared. Applied over the read facts by <see cref="Fields.EnquiryFacts.Of"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Corrections { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The status the enquiry had when it was read from the store; null for one not yet stored. The store keeps
    /// the worklist's index in step by it.
    /// </summary>
    public EnquiryStatus? StoredStatus { get; init; }

    /// <summary>
    /// The screener whose open load the stored enquiry is counted in (see <see cref="OnePointEntry.Screening.ScreenerLoad"/>) when it
    /// was read; null when nobody's, which includes an enquiry stored before loads were counted. The store moves the
    /// load counters by comparing it with what the enquiry counts toward now.
    /// </summary>
    public string? StoredLoadOf { get; init; }

    /// <summary>
    /// The store's concurrency token of the version read; null for an enquiry not yet stored. An update is
    /// refused when the stored enquiry changed since this version was read.
    /// </summary>
    public string? Version { get; init; }
}
