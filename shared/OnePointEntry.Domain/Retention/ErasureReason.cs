namespace OnePointEntry.Retention;

/// <summary>Why an enquiry's personal data was erased; the audit names it in words.</summary>
public enum ErasureReason
{
    /// <summary>Someone asked for it (the data subject, through staff).</summary>
    Request,

    /// <summary>The retention period passed.</summary>
    Retention,
}
