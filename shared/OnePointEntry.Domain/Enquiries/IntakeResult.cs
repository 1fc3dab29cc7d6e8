namespace OnePointEntry.Enquiries;

/// <summary>The answer to a submitted enquiry form.</summary>
public sealed record IntakeResult
{
    private IntakeResult(IntakeOutcome outcome, EnquiryReference? reference, IReadOnlyDictionary<string, string[]>? errors)
    {
        Outcome = outcome;
        Reference = reference;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public IntakeOutcome Outcome { get; }

    /// <summary>The reference to give the sender; set unless the outcome is an error.</summary>
    public EnquiryReference? Reference { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static IntakeResult Accepted(EnquiryReference reference) => new(IntakeOutcome.Accepted, reference, null);

    public static IntakeResult Repeated(EnquiryReference reference) => new(IntakeOutcome.Repeated, reference, null);

    public static IntakeResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(IntakeOutcome.Invalid, null, errors);

    public static IntakeResult IdempotencyKeyReused() => new(IntakeOutcome.IdempotencyKeyReused, null, null);

    public static IntakeResult Ignored(EnquiryReference decoy) => new(IntakeOutcome.Ignored, decoy, null);
}
