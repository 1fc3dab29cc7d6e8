using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>The staff API's answer after any change: the enquiry as its page shows it, with its new ETag.</summary>
public static class StaffAnswers
{
    public static async Task<IActionResult> EnquiryAsync(StaffEnquiryDetails details, EnquiryReference reference, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        return await details.ReadAsync(reference, cancellationToken) is { } view
            ? new JsonResponse(status, view) { Headers = { ["ETag"] = view.ETag } }
            : Problems.EnquiryNotFound();
    }
}
