namespace OnePointEntry.Enquiries;

/// <param name="Enquiry">The enquiry after the update (or as it stands, when nothing changed); null when not found.</param>
/// <param name="Allowed">The statuses staff may set from the current one, for the error message.</param>
public sealed record StatusUpdateResult(StatusUpdateOutcome Outcome, Enquiry? Enquiry, IReadOnlyList<EnquiryStatus> Allowed);
