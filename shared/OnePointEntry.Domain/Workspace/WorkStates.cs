using OnePointEntry.Enquiries;

namespace OnePointEntry.Workspace;

/// <summary>Which enquiries the worklist holds: the one rule from an enquiry's status to its state of work.</summary>
public static class WorkStates
{
    /// <summary>
    /// The state of work an enquiry in <paramref name="status"/> is in; null when it needs nobody (still with the
    /// machine, or closed: declined, completed).
    /// </summary>
    public static WorkState? Of(EnquiryStatus status) => status switch
    {
        EnquiryStatus.NeedsManualReview or EnquiryStatus.ScreeningFailed => WorkState.ManualReview,
        EnquiryStatus.RoutingFailed => WorkState.RoutingFailed,
        EnquiryStatus.Routed => WorkState.AwaitingDecision,
        EnquiryStatus.Accepted or EnquiryStatus.Mediated => WorkState.InMediation,
        EnquiryStatus.VisitScheduled => WorkState.UpcomingVisit,
        _ => null,
    };
}
