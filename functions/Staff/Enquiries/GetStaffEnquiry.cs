using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary><c>GET /api/staff/enquiries/{reference}</c> (signed-in staff): everything the enquiry's page shows, with its ETag.</summary>
public sealed class GetStaffEnquiry(StaffSignIn signIn, StaffEnquiryDetails details)
{
    [Function(nameof(GetStaffEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/enquiries/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        if (signIn.ForApi(request, StaffRole.Staff).Refusal is { } refusal)
        {
            return refusal;
        }

        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return Problems.InvalidReference();
        }

        return await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken);
    }
}
