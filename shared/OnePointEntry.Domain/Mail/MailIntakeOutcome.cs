namespace OnePointEntry.Mail;

public enum MailIntakeOutcome
{
    /// <summary>A new enquiry, queued for screening.</summary>
    Accepted,

    /// <summary>The e-mail had been taken in before; nothing new was stored.</summary>
    Repeated,

    /// <summary>Stored as NeedsManualReview: the e-mail could not be read.</summary>
    NeedsManualReview,
}
