using System.Text.Json.Serialization;

namespace OnePointEntry.Screening.Decision;

/// <summary>What the screening decided for an enquiry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>A screener who fits was chosen.</summary>
    AssignedToScreener,

    /// <summary>Nobody fitted; the team lead takes it as the named fallback.</summary>
    FallbackToTeamLead,

    /// <summary>Spam, no usable content, or nobody at all to take it: a person must look first.</summary>
    NeedsManualReview,
}

/// <summary>
/// The screening decision for one enquiry, with the reasons for every part, as a status endpoint shows it.
/// Plain data: serialises to JSON as it is (enums as names).
/// </summary>
public sealed record ScreeningDecision
{
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>Who screens it, and why; null when the content sent it to manual review before a screener was looked for.</summary>
    public ScreenerChoice? Screener { get; init; }

    /// <summary>Why a person must look first; set exactly when <see cref="Outcome"/> is <see cref="DecisionOutcome.NeedsManualReview"/>.</summary>
    public string? ManualReviewReason { get; init; }

    /// <summary>What the content check noticed, also the signals too weak to send it to manual review.</summary>
    public IReadOnlyList<string> ContentSignals { get; init; } = [];

    /// <summary>The suggested partners, best first, each with its reasons.</summary>
    public required IReadOnlyList<PartnerMatch> Partners { get; init; }

    public required PriorityAssessment Priority { get; init; }

    /// <summary>By when screening is due (see <see cref="Scheduling.ScreeningDeadline"/>).</summary>
    public required DateTimeOffset Deadline { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }
}
