using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Workspace;

/// <summary>
/// An enquiry as the worklist lists it: enough to sort, filter and show a line, and nothing about the people in
/// it but the domain they write from.
/// </summary>
public sealed record WorklistEntry
{
    public required EnquiryReference Reference { get; init; }

    public required EnquiryStatus Status { get; init; }

    public required WorkState State { get; init; }

    /// <summary>
    /// By when someone must act: the screening deadline while it is being screened or decided, the delegation's
    /// arrival once it is accepted; null when neither is known.
    /// </summary>
    public DateTimeOffset? Due { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Organisation { get; init; }

    public string? CountryCode { get; init; }

    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>The screener's id (user principal name), once one is chosen.</summary>
    public string? ScreenerId { get; init; }

    /// <summary>The domain of the sender's address, lower case, for searching by who wrote.</summary>
    public string? SenderDomain { get; init; }

    /// <summary>The enquiry's entry when it needs someone; null when <see cref="WorkStates.Of"/> says it needs nobody.</summary>
    public static WorklistEntry? Of(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return WorkStates.Of(enquiry.Status) is { } state ? Describe(enquiry, state) : null;
    }

    /// <summary>The enquiry's line under <paramref name="state"/>, also when its status does not put it there (a failed delivery).</summary>
    public static WorklistEntry Describe(Enquiry enquiry, WorkState state)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var facts = EnquiryFacts.Of(enquiry);
        var arrival = enquiry.VisitDate ?? facts.ArrivalDate;
        DateTimeOffset? due = state is WorkState.InMediation or WorkState.UpcomingVisit
            ? arrival is { } day ? CopenhagenTime.StartOf(day) : null
            : enquiry.Decision?.Deadline ?? ScreeningDeadline.For(enquiry.ReceivedAt);
        var email = enquiry.Submission.ContactEmail;
        var at = email.LastIndexOf('@');
        return new WorklistEntry
        {
            Reference = enquiry.Reference,
            Status = enquiry.Status,
            State = state,
            Due = due,
            ReceivedAt = enquiry.ReceivedAt,
            Organisation = facts.Organisation ?? enquiry.Submission.Organisation,
            CountryCode = facts.CountryCode,
            Themes = facts.Themes,
            ScreenerId = enquiry.Routing?.ScreenerId ?? enquiry.Decision?.Screener?.StaffId,
            SenderDomain = at >= 0 && at < email.Length - 1 ? email[(at + 1)..].ToLowerInvariant() : null,
        };
    }
}
