namespace OnePointEntry.Enquiries;

/// <summary>The outcome of <see cref="IEnquiryStore.AddAsync"/>.</summary>
public enum AddEnquiryResult
{
    Added,

    /// <summary>An enquiry with the same reference exists; draw a new reference.</summary>
    ReferenceTaken,

    /// <summary>One of the submission marks exists: the same submission was stored meanwhile.</summary>
    MarkTaken,
}
