using OnePointEntry.Directories;
using OnePointEntry.Enquiries;
using OnePointEntry.Scheduling;
using OnePointEntry.Themes;

namespace OnePointEntry.Screening.Decision;

/// <summary>
/// Makes the <see cref="ScreeningDecision"/> for a screened enquiry: partner matches, priority, and either a
/// screener (or the team lead as fallback) or manual review. Pure: the same inputs always give the same
/// decision, and nothing is read from a clock, a store or Graph.
/// </summary>
public sealed class ScreeningDecisionMaker
{
    private static readonly Lazy<ScreeningDecisionMaker> s_default = new(() => new ScreeningDecisionMaker(ScreeningCues.Default, ThemeTaxonomy.Default));

    private readonly ContentCheck _content;
    private readonly PriorityAssessor _priority;

    public ScreeningDecisionMaker(ScreeningCues cues, ThemeTaxonomy themes)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(themes);
        _content = new ContentCheck(cues, themes);
        _priority = new PriorityAssessor(cues);
    }

    /// <summary>The decision maker with the embedded cue lists and theme taxonomy.</summary>
    public static ScreeningDecisionMaker Default => s_default.Value;

    /// <summary>
    /// Whose availability <see cref="Decide"/> would weigh for this enquiry: the staff still tied after language,
    /// expertise and load (see <see cref="ScreenerSelector.TiedBeforeAvailability"/>); nobody when the content
    /// sends it to manual review. With fewer than two, availability cannot change the decision and need not be known.
    /// </summary>
    /// <param name="enquiry">A screened enquiry: <see cref="Enquiry.Screening"/> must be set.</param>
    /// <param name="staff">The whole staff directory.</param>
    /// <param name="openLoad">Open screenings per staff id; a missing id has none.</param>
    /// <exception cref="ArgumentException">The enquiry has not been screened.</exception>
    public IReadOnlyList<StaffMember> TiedBeforeAvailability(Enquiry enquiry, IReadOnlyList<StaffMember> staff, IReadOnlyDictionary<string, int> openLoad)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        var facts = enquiry.Screening
            ?? throw new ArgumentException($"Enquiry {enquiry.Reference} has not been screened: its facts are needed for the decision.", nameof(enquiry));
        return _content.Assess(enquiry.Submission, facts).NeedsManualReview
            ? []
            : ScreenerSelector.TiedBeforeAvailability(enquiry.Submission.Language, facts.Themes, staff, openLoad);
    }

    /// <param name="enquiry">A screened enquiry: <see cref="Enquiry.Screening"/> must be set.</param>
    /// <param name="staff">The whole staff directory; inactive members are never chosen.</param>
    /// <param name="partners">The whole partner directory.</param>
    /// <param name="openLoad">Open screenings per staff id; a missing id has none.</param>
    /// <param name="availability">
    /// Per staff id, whether they have a free 30-minute slot before the deadline (see
    /// <see cref="FreeSlotFinder"/>); null or a missing id when not known.
    /// </param>
    /// <param name="now">The moment of the decision; the visit's timing is judged from its date in Copenhagen.</param>
    /// <exception cref="ArgumentException">The enquiry has not been screened.</exception>
    public ScreeningDecision Decide(
        Enquiry enquiry,
        IReadOnlyList<StaffMember> staff,
        IReadOnlyList<Partner> partners,
        IReadOnlyDictionary<string, int> openLoad,
        IReadOnlyDictionary<string, bool>? availability,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(openLoad);
        var facts = enquiry.Screening
            ?? throw new ArgumentException($"Enquiry {enquiry.Reference} has not been screened: its facts are needed for the decision.", nameof(enquiry));
        var submission = enquiry.Submission;

        var content = _content.Assess(submission, facts);
        var decision = new ScreeningDecision
        {
            Outcome = DecisionOutcome.NeedsManualReview,
            ManualReviewReason = content.Reason,
            ContentSignals = content.Signals,
            // Suggested also for manual review: a reviewer who finds the enquiry genuine has them at hand.
            Partners = PartnerMatcher.Match(submission, facts.Themes, partners),
            Priority = _priority.Assess(submission, facts, now),
            Deadline = ScreeningDeadline.For(enquiry.ReceivedAt),
            DecidedAt = now,
        };
        if (content.NeedsManualReview)
        {
            return decision;
        }

        var screener = ScreenerSelector.Choose(submission.Language, facts.Themes, staff, openLoad, availability);
        return screener switch
        {
            { StaffId: null } => decision with { Screener = screener, ManualReviewReason = screener.Reasons[^1] },
            { IsFallback: true } => decision with { Outcome = DecisionOutcome.FallbackToTeamLead, Screener = screener },
            _ => decision with { Outcome = DecisionOutcome.AssignedToScreener, Screener = screener },
        };
    }
}
