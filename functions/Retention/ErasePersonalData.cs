using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Retention;

namespace OnePointEntry.Functions.Retention;

/// <summary>
/// <c>DELETE /api/enquiries/{reference}/personal-data</c> (function key): erases one enquiry's personal data at
/// once (a data subject's request), as the retention sweep does when the time comes; audited with who asked.
/// <c>200</c> with the enquiry as the status endpoint shows it, also when it was erased before.
/// </summary>
public sealed class ErasePersonalData(PersonalDataEraser eraser, IEnquiryStore store, StaffSignIn signIn)
{
    [Function(nameof(ErasePersonalData))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "enquiries/{reference}/personal-data")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return Problems.InvalidReference();
        }

        var (erasedBy, problem) = await ErasureRequestReader.ReadAsync(request, signIn, cancellationToken);
        if (erasedBy is null)
        {
            return problem!;
        }

        var result = await eraser.EraseAsync(parsed, erasedBy, ErasureReason.Request, cancellationToken);
        return result.Enquiry is null
            ? Problems.EnquiryNotFound()
            : new JsonResponse(StatusCodes.Status200OK, EnquiryStatusView.Of(result.Enquiry, await store.ListStatusChangesAsync(parsed, cancellationToken)));
    }
}
