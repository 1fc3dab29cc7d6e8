namespace OnePointEntry.Enquiries;

public enum SubmissionMarkKind
{
    IdempotencyKey,
    Fingerprint,
}
