namespace OnePointEntry.Enquiries;

/// <summary>Where an enquiry stands. Stored by name, so members may be added but never renamed.</summary>
public enum EnquiryStatus
{
    /// <summary>Stored and queued for screening.</summary>
    Received,

    /// <summary>Country, region and themes are known.</summary>
    Screened,

    /// <summary>Screening failed on every retry; the message is in the poison queue.</summary>
    ScreeningFailed,

    /// <summary>Nothing usable could be read (e.g. an e-mail that cannot be parsed): a person must look.</summary>
    NeedsManualReview,
}
