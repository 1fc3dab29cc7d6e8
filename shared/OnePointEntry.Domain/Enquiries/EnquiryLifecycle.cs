namespace OnePointEntry.Enquiries;

/// <summary>
/// Which status may follow which. The app moves an enquiry through screening and routing; staff take it
/// from there. Anything else is refused, so the statistics (which count from
/// <see cref="EnquiryStatus.VisitScheduled"/> on) can trust the status.
/// </summary>
public static class EnquiryLifecycle
{
    private static readonly Dictionary<EnquiryStatus, EnquiryStatus[]> s_next = new()
    {
        [EnquiryStatus.Received] = [EnquiryStatus.Screened, EnquiryStatus.NeedsManualReview, EnquiryStatus.ScreeningFailed],
        [EnquiryStatus.ScreeningFailed] = [EnquiryStatus.Received, EnquiryStatus.NeedsManualReview],
        [EnquiryStatus.NeedsManualReview] = [EnquiryStatus.Screened, EnquiryStatus.Accepted, EnquiryStatus.Declined],
        [EnquiryStatus.Screened] = [EnquiryStatus.Routed, EnquiryStatus.RoutingFailed, EnquiryStatus.NeedsManualReview, EnquiryStatus.Accepted, EnquiryStatus.Declined],
        [EnquiryStatus.RoutingFailed] = [EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Declined],
        [EnquiryStatus.Routed] = [EnquiryStatus.Accepted, EnquiryStatus.Declined],
        [EnquiryStatus.Accepted] = [EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled, EnquiryStatus.Declined],
        [EnquiryStatus.Mediated] = [EnquiryStatus.VisitScheduled, EnquiryStatus.Declined],
        [EnquiryStatus.VisitScheduled] = [EnquiryStatus.Completed, EnquiryStatus.Declined],
        [EnquiryStatus.Completed] = [],
        [EnquiryStatus.Declined] = [],
    };

    /// <summary>The statuses staff set by hand; the others are the app's own steps.</summary>
    public static IReadOnlySet<EnquiryStatus> SetByStaff { get; } = new HashSet<EnquiryStatus>
    {
        EnquiryStatus.Accepted,
        EnquiryStatus.Declined,
        EnquiryStatus.Mediated,
        EnquiryStatus.VisitScheduled,
        EnquiryStatus.Completed,
        EnquiryStatus.Screened,
        EnquiryStatus.NeedsManualReview,
    };

    public static bool CanChange(EnquiryStatus from, EnquiryStatus to) =>
        s_next.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<EnquiryStatus> Next(EnquiryStatus from) =>
        s_next.TryGetValue(from, out var next) ? next : [];

    /// <summary>From this status on, the delegation counts as facilitated in the statistics.</summary>
    public static bool IsFacilitated(EnquiryStatus status) => status is EnquiryStatus.VisitScheduled or EnquiryStatus.Completed;
}
