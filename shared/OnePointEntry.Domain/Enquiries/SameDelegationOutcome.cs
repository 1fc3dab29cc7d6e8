namespace OnePointEntry.Enquiries;

public enum SameDelegationOutcome
{
    /// <summary>Saved and audited; the statistics count the delegation once.</summary>
    Marked,

    /// <summary>It was so already: nothing saved.</summary>
    Unchanged,

    NotFound,

    /// <summary>The enquiry named as the one counted does not exist.</summary>
    OtherNotFound,

    /// <summary>The two would count each other (itself, or a chain leading back to it): nothing saved.</summary>
    Circular,

    /// <summary>Someone changed the enquiry at the same moment: nothing saved; try again.</summary>
    Conflict,
}
