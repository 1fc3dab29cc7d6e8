using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
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
        var access = signIn.ForEnquiryApi(request, StaffRole.Staff, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        return await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken);
    }
}
