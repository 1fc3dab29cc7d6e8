namespace OnePointEntry.Enquiries;

public enum StatusUpdateOutcome
{
    Changed,

    /// <summary>The enquiry already had that status: nothing written, so a repeated request is harmless.</summary>
    Unchanged,

    NotFound,

    /// <summary>The lifecycle does not allow that change, or the status is one only the app sets.</summary>
    NotAllowed,

    /// <summary>The visit cannot be scheduled without its arrival day, and neither the request nor the enquiry gives one.</summary>
    VisitDateMissing,
}
