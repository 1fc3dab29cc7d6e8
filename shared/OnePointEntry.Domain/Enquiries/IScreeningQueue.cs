namespace OnePointEntry.Enquiries;

/// <summary>Hands a stored enquiry to screening. Sending the same reference twice is harmless.</summary>
public interface IScreeningQueue
{
    Task SendAsync(EnquiryReference reference, CancellationToken cancellationToken);
}
