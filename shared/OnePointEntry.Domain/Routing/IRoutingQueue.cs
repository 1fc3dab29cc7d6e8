using OnePointEntry.Enquiries;

namespace OnePointEntry.Routing;

/// <summary>Hands a screened enquiry to routing. Sending the same reference twice is harmless.</summary>
public interface IRoutingQueue
{
    Task SendAsync(EnquiryReference reference, CancellationToken cancellationToken);
}
