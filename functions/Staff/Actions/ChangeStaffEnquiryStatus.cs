using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>
/// <c>POST /api/staff/enquiries/{reference}/status</c> (signed-in staff): <c>{"status", "note", "visitDate"}</c> moves
/// the enquiry along its lifecycle, audited with the signed-in user; <c>409</c> when the lifecycle does not allow it.
/// </summary>
public sealed class ChangeStaffEnquiryStatus(StaffSignIn signIn, EnquiryStatusUpdate update, StaffEnquiryDetails details)
{
    [Function(nameof(ChangeStaffEnquiryStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/enquiries/{reference}/status")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.Staff, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        var (change, problem) = await StatusChangeRequestReader.ReadAsync(request, signIn, cancellationToken);
        if (change is null)
        {
            return problem!;
        }

        var result = await update.ChangeAsync(parsed, change.Status, change.ChangedBy, change.Note, change.VisitDate, cancellationToken);
        return result.Outcome switch
        {
            StatusUpdateOutcome.NotFound => Problems.EnquiryNotFound(),
            StatusUpdateOutcome.VisitDateMissing => Problems.VisitDateMissing(),
            StatusUpdateOutcome.NotAllowed => Problems.StatusChangeNotAllowed(result.Enquiry!.Status, change.Status, result.Allowed),
            _ => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken),
        };
    }
}
