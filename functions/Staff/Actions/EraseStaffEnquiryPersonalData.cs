using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Retention;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>
/// <c>DELETE /api/staff/enquiries/{reference}/personal-data</c> (a signed-in team lead): erases the enquiry's
/// personal data and its original mail at once, audited with who; <c>200</c> also when erased before.
/// </summary>
public sealed class EraseStaffEnquiryPersonalData(StaffSignIn signIn, PersonalDataEraser eraser, StaffEnquiryDetails details)
{
    [Function(nameof(EraseStaffEnquiryPersonalData))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "staff/enquiries/{reference}/personal-data")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.TeamLead, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        var result = await eraser.EraseAsync(parsed, access.Member.Name, ErasureReason.Request, cancellationToken);
        return result.Enquiry is null
            ? Problems.EnquiryNotFound()
            : await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken);
    }
}
