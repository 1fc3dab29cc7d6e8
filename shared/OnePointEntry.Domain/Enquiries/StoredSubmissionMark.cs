namespace OnePointEntry.Enquiries;

/// <summary>A <see cref="SubmissionMark"/> as stored: which enquiry it points to and since when.</summary>
/// <param name="Version">The store's concurrency token, so a stale mark is replaced only once.</param>
public sealed record StoredSubmissionMark(SubmissionMark Mark, string ReceivedMonth, EnquiryReference Reference, DateTimeOffset MarkedAt, string Version);
