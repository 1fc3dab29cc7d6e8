namespace OnePointEntry.Screening.Decision;

/// <summary>Whether an enquiry has content a screener can work with, and if not, why.</summary>
/// <param name="NeedsManualReview">True for spam or an enquiry without usable content: a person looks first.</param>
/// <param name="Reason">Why it needs manual review; null when it does not.</param>
/// <param name="Signals">Everything noticed on the way (spam signals, missing content), also when they were not enough.</param>
public sealed record ContentAssessment(bool NeedsManualReview, string? Reason, IReadOnlyList<string> Signals);
