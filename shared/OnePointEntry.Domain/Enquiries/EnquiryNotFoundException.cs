namespace OnePointEntry.Enquiries;

/// <summary>A step was asked to work on an enquiry that is not stored.</summary>
public sealed class EnquiryNotFoundException(EnquiryReference reference)
    : Exception($"Enquiry {reference} is not stored.")
{
    public EnquiryReference Reference { get; } = reference;
}
