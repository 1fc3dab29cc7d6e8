namespace OnePointEntry.Bench.Faults;

/// <summary>
/// One enquiry the bench sends. <see cref="Key"/> finds what the app stored for it: the organisation and contact
/// address of a form (unique per submission), the Message-ID of a mail (without angle brackets).
/// </summary>
internal sealed record Submission(int Number, SubmissionKind Kind, string Key, byte[] Body, string? IdempotencyKey);
