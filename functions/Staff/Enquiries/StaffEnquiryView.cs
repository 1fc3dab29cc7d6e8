using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// Everything the enquiry's page shows, for staff: the facts with what the machine read, the sender and the
/// message, the screening decision with its reasons, what went out and how it went, and the whole audit.
/// </summary>
public sealed record StaffEnquiryView
{
    public required string Reference { get; init; }

    public required string Status { get; init; }

    /// <summary>The worklist state the enquiry is in (e.g. <c>ManualReview</c>); null when it needs nobody.</summary>
    public string? WorkState { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The version this view shows; send it back as <c>If-Match</c> with a correction.</summary>
    public required string ETag { get; init; }

    /// <summary>The correctable facts, in the editor's order.</summary>
    public required IReadOnlyList<FactView> Facts { get; init; }

    /// <summary>The organisation, country and city as the sender wrote them.</summary>
    public required string OrganisationAsWritten { get; init; }

    public string? CountryAsWritten { get; init; }

    public string? CityAsWritten { get; init; }

    public required SenderView Sender { get; init; }

    /// <summary>The message text (the form's purpose, or the mail's text as stored); empty once erased.</summary>
    public required string Purpose { get; init; }

    public string? MailSubject { get; init; }

    /// <summary>The mail as it came, for a mail enquiry whose original is kept; null for the form, or once erased.</summary>
    public OriginalMailView? Original { get; init; }

    public string? ManualReviewReason { get; init; }

    public IReadOnlyList<string> CutFields { get; init; } = [];

    public DateTimeOffset? AnonymisedAt { get; init; }

    public DateOnly? VisitDate { get; init; }

    /// <summary>The enquiry about the same delegation that counts in the statistics instead of this one; null when this one counts.</summary>
    public string? SameDelegationAs { get; init; }

    /// <summary>Who screens it, the suggested partners and the priority, each with its reasons; null until screened.</summary>
    public ScreeningDecision? Decision { get; init; }

    /// <summary>The screener it was routed to; null before routing.</summary>
    public string? ScreenerId { get; init; }

    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>Whether a team lead can give the screening to someone else now (<c>PUT …/screener</c>).</summary>
    public bool CanReassign { get; init; }

    /// <summary>The statuses staff may move it to from here.</summary>
    public IReadOnlyList<string> NextStatuses { get; init; } = [];

    public IReadOnlyList<DeliverySummaryView> Deliveries { get; init; } = [];

    /// <summary>Every status change and correction, oldest first.</summary>
    public IReadOnlyList<AuditEntryView> History { get; init; } = [];
}
