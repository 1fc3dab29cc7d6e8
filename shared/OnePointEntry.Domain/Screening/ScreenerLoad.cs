using OnePointEntry.Enquiries;

namespace OnePointEntry.Screening;

/// <summary>
/// What counts toward a screener's open load: an enquiry decided for them that is <see cref="EnquiryStatus.Screened"/>
/// or <see cref="EnquiryStatus.Routed"/>, that is, a screening given out and not yet taken up or put aside. The store
/// keeps a counter per screener and month in step with it in every write of an enquiry, so reading the load never
/// lists enquiries.
/// </summary>
public static class ScreenerLoad
{
    /// <summary>The screener whose open load <paramref name="enquiry"/> counts toward, as it stands; null when nobody's.</summary>
    public static string? Of(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.Status is EnquiryStatus.Screened or EnquiryStatus.Routed ? enquiry.Decision?.Screener?.StaffId : null;
    }

    /// <summary>True when the two name the same screener (ids are case-insensitive) or both nobody.</summary>
    public static bool Same(string? one, string? other) => string.Equals(one, other, StringComparison.OrdinalIgnoreCase);
}
