using OnePointEntry.Enquiries;

namespace OnePointEntry.Routing;

/// <summary>What became of giving an enquiry's screening to someone else: the enquiry as it now stands (null when not found).</summary>
public sealed record ScreenerReassignmentResult(ScreenerReassignmentOutcome Outcome, Enquiry? Enquiry);
