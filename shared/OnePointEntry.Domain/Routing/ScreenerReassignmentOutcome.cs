namespace OnePointEntry.Routing;

public enum ScreenerReassignmentOutcome
{
    /// <summary>Saved and audited, and on the routing queue: the new screener's event and task replace the old one's.</summary>
    Reassigned,

    /// <summary>That person screens it already: nothing saved.</summary>
    Unchanged,

    NotFound,

    /// <summary>Not screened yet, or past the screening (accepted, declined and on): there is no screening to move.</summary>
    NotAllowed,

    /// <summary>Nobody active in the staff directory by that id.</summary>
    UnknownScreener,

    /// <summary>Someone changed the enquiry at the same moment, every time it was tried: nothing saved; try again.</summary>
    Conflict,
}
