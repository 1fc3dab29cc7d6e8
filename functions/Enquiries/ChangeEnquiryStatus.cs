using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// <c>PATCH /api/enquiries/{reference}/status</c> (function key): staff move an enquiry along its lifecycle,
/// e.g. <c>{"status": "Accepted", "changedBy": "anna@onepointentry.dk", "note": "..."}</c>, or
/// <c>{"status": "VisitScheduled", "visitDate": "2026-12-03", ...}</c> to count the delegation in its arrival month. A change the
/// lifecycle does not allow is a <c>409</c>; every change is audited.
/// </summary>
public sealed class ChangeEnquiryStatus(EnquiryStatusUpdate update, IEnquiryStore store, StaffSignIn signIn)
{
    [Function(nameof(ChangeEnquiryStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "enquiries/{reference}/status")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return Problems.InvalidReference();
        }

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
            _ => new JsonResponse(StatusCodes.Status200OK, EnquiryStatusView.Of(result.Enquiry!, await store.ListStatusChangesAsync(parsed, cancellationToken))),
        };
    }
}
