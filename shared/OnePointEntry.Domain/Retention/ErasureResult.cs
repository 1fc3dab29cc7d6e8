using OnePointEntry.Enquiries;

namespace OnePointEntry.Retention;

/// <param name="Enquiry">The enquiry as it now stands; null when there is none with the reference.</param>
public sealed record ErasureResult(ErasureOutcome Outcome, Enquiry? Enquiry);
