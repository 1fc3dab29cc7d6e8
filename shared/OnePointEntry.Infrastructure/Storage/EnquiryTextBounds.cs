namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// How long each text property of an enquiry row that is not a field of the enquiry may be, in characters (each
/// field's own is its <see cref="OnePointEntry.Enquiries.Fields.EnquiryField.StoredLength"/>). Mail, whose headers
/// come as the sender wrote them, is cut to these. Together with the fields' they stay below 150,000 bytes, and with
/// the evidence's 32,000 bytes more below 182,000, far inside the 1 MiB an entity may hold.
/// </summary>
internal static class EnquiryTextBounds
{
    public const int MailMessageKey = 1_024;
    public const int MailboxMessageId = 1_024;
    public const int MailSubject = 2_000;
    public const int MailOriginal = 200;
    public const int ManualReviewReason = 2_000;
    public const int ChangedBy = 300;
    public const int Note = 4_000;

    /// <summary>
    /// The machine's evidence for the facts, as JSON: 40 entries with 160-character quotes and short values take about
    /// 10,000; the rest is room for long values and characters JSON escapes, and entries beyond it are left out.
    /// </summary>
    public const int Evidence = 16_000;

    /// <summary>A corrected value in the audit: the longest field staff correct, the themes, fit well inside.</summary>
    public const int CorrectedValue = 2_000;
}
