namespace OnePointEntry.Enquiries;

/// <summary>
/// The result of checking an <see cref="EnquiryForm"/>: the submission when every field is valid, otherwise
/// every problem found, by field name, so a sender can fix them all at once.
/// </summary>
public sealed class EnquiryFormValidation
{
    private EnquiryFormValidation(EnquirySubmission? submission, IReadOnlyDictionary<string, string[]> errors)
    {
        Submission = submission;
        Errors = errors;
    }

    public EnquirySubmission? Submission { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool IsValid => Submission is not null;

    internal static EnquiryFormValidation Valid(EnquirySubmission submission) => new(submission, new Dictionary<string, string[]>());

    internal static EnquiryFormValidation Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
