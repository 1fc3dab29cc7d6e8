using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary><c>GET /api/enquiries/{reference}</c>: status and screened facts, for staff (function key).</summary>
public sealed class GetEnquiry(IEnquiryStore store)
{
    public static string PathOf(EnquiryReference reference) => $"/api/enquiries/{reference}";

    [Function(nameof(GetEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "enquiries/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return Problems.InvalidReference();
        }

        var enquiry = await store.FindAsync(parsed, cancellationToken);
        return enquiry is null
            ? Problems.EnquiryNotFound()
            : new JsonResponse(StatusCodes.Status200OK, EnquiryStatusView.Of(enquiry, await store.ListStatusChangesAsync(parsed, cancellationToken)));
    }
}
