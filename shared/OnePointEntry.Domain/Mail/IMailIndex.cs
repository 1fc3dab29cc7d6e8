using OnePointEntry.Enquiries;

namespace OnePointEntry.Mail;

/// <summary>
/// Which enquiry each e-mail became, by its Internet Message-ID: one enquiry per e-mail however often it
/// is seen (by a notification, by the delta catch-up, or posted again by a relay).
/// </summary>
public interface IMailIndex
{
    Task<EnquiryReference?> FindAsync(string messageKey, CancellationToken cancellationToken);

    /// <summary>Records that the e-mail becomes <paramref name="reference"/>; false when another delivery claimed it first.</summary>
    Task<bool> TryClaimAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken);

    /// <summary>Points a claim at another reference, when the claimed one turned out to be taken.</summary>
    Task ReassignAsync(string messageKey, EnquiryReference reference, CancellationToken cancellationToken);
}
