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

    /// <summary>The screening task is with a screener (calendar, Planner, Teams).</summary>
    Routed,

    /// <summary>Routing failed on every retry; an operator can queue it again.</summary>
    RoutingFailed,

    /// <summary>One-Point Entry takes the delegation on.</summary>
    Accepted,

    /// <summary>One-Point Entry does not take the delegation on (or the visit was called off).</summary>
    Declined,

    /// <summary>Partners have been asked and are arranging meetings.</summary>
    Mediated,

    /// <summary>The visit has a programme and dates: from here on the delegation counts as facilitated.</summary>
    VisitScheduled,

    /// <summary>The visit took place.</summary>
    Completed,
}
