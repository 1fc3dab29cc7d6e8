namespace OnePointEntry.Enquiries;

/// <summary>What became of marking an enquiry as about the same delegation as another: the enquiry as it now stands (null when not found).</summary>
public sealed record SameDelegationResult(SameDelegationOutcome Outcome, Enquiry? Enquiry);
