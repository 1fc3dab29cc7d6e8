namespace OnePointEntry.Enquiries;

public enum CorrectionOutcome
{
    /// <summary>The corrections were saved and audited.</summary>
    Corrected,

    /// <summary>Every value given was already the enquiry's: nothing saved.</summary>
    Unchanged,

    NotFound,

    /// <summary>The enquiry changed since the version the corrections were made on: nothing saved.</summary>
    Conflict,

    /// <summary>A value could not be taken (see the problems): nothing saved.</summary>
    Invalid,
}
