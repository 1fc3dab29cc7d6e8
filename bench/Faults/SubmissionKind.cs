namespace OnePointEntry.Bench.Faults;

/// <summary>How an enquiry reaches the app.</summary>
internal enum SubmissionKind
{
    /// <summary><c>POST /api/enquiries</c>, JSON, with an Idempotency-Key.</summary>
    Form,

    /// <summary><c>POST /api/mail/raw</c>, <c>message/rfc822</c>, as a relay posts it.</summary>
    RawMail,

    /// <summary>Delivered to the shared mailbox's inbox at the stand-in: Graph's notification, then the app fetches it.</summary>
    InboxMail,
}
