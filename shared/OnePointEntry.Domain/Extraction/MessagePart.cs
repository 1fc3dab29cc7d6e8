namespace OnePointEntry.Extraction;

/// <summary>
/// Where in a mail a piece of text stands, which says how much it speaks for the delegation: the writer's own
/// words count more than a quoted older message, a signature names the writer's office rather than the
/// delegation's home, a disclaimer says nothing about the visit.
/// </summary>
public enum MessagePart
{
    /// <summary>The mail's subject line.</summary>
    Subject,

    /// <summary>The sender's display name.</summary>
    SenderName,

    /// <summary>The newest text: the sender's own words above any forwarded or quoted message.</summary>
    OwnWords,

    /// <summary>A forwarded original (the enquiry a municipality, embassy or agency passes on).</summary>
    Forwarded,

    /// <summary>Quoted history: an earlier message the reply answers.</summary>
    Quoted,

    /// <summary>A signature block after the closing.</summary>
    Signature,

    /// <summary>A confidentiality notice or other boilerplate.</summary>
    Disclaimer,

    /// <summary>An attached document (a programme, a list of delegates).</summary>
    Attachment,
}
