namespace OnePointEntry.Enquiries;

/// <summary>
/// What recognises a repeated submission: the sender's <c>Idempotency-Key</c>, or the fingerprint of the
/// submission itself. Only a hash is kept, never the key or the content.
/// </summary>
/// <param name="Kind">Which of the two this is.</param>
/// <param name="Hash">Lower-case hex SHA-256.</param>
/// <param name="Fingerprint">The fingerprint of the submission the mark was made for (for a key, to detect reuse with other content).</param>
public sealed record SubmissionMark(SubmissionMarkKind Kind, string Hash, string Fingerprint);
