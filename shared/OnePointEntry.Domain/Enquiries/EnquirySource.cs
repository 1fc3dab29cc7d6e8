namespace OnePointEntry.Enquiries;

/// <summary>How an enquiry reached One-Point Entry.</summary>
public enum EnquirySource
{
    WebForm,
    Mail,
}
