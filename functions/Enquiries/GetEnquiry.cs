using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// <c>GET /api/enquiries/{reference}</c>: status, screened facts and the machine's evidence, for staff and their
/// scripts (function key). The evidence's quotes are message text: only a signed-in staff member gets them (behind App
/// Service Authentication); a key alone does not let anyone read the mail.
/// </summary>
public sealed class GetEnquiry(IEnquiryStore store, StaffSignIn signIn)
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
            : new JsonResponse(
                StatusCodes.Status200OK,
                EnquiryStatusView.Of(enquiry, await store.ListStatusChangesAsync(parsed, cancellationToken), staffAsking: signIn.Check(request, StaffRole.Staff).Staff is not null));
    }
}
