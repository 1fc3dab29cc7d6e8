namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// How long each text property of an enquiry row may be, in characters. Each is at least the form's own limit
/// (<see cref="OnePointEntry.Enquiries.EnquiryFieldLimits"/>), so a valid form is never cut; mail, whose
/// headers come as the sender wrote them, is cut to these. Together they stay below 150,000 bytes, far inside
/// the 1 MiB an entity may hold.
/// </summary>
internal static class EnquiryTextBounds
{
    public const int Organisation = 500;
    public const int Country = 200;
    public const int City = 200;
    public const int ContactName = 300;
    public const int ContactEmail = 320;
    public const int Phone = 100;

    /// <summary>
    /// Mail intake keeps at most <see cref="OnePointEntry.Mail.MailIntake.MaxStoredText"/> characters of a mail's
    /// text; one less here means that any text intake had to shorten is marked as cut as well.
    /// </summary>
    public const int Purpose = OnePointEntry.Mail.MailIntake.MaxStoredText - 1;

    public const int ReferredBy = 300;
    public const int Language = 50;
    public const int ShortFact = 200;
    public const int Themes = 2_000;
    public const int MailMessageKey = 1_024;
    public const int MailboxMessageId = 1_024;
    public const int MailSubject = 2_000;
    public const int MailOriginal = 200;
    public const int ManualReviewReason = 2_000;
    public const int ChangedBy = 300;
    public const int Note = 4_000;

    /// <summary>A corrected value in the audit: the longest field staff correct, the themes, fit well inside.</summary>
    public const int CorrectedValue = 2_000;
}
