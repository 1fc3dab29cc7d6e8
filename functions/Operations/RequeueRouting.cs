using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Routing;

namespace OnePointEntry.Functions.Operations;

/// <summary>
/// <c>POST /api/operations/routing/{reference}</c> (function key): queue routing again for an enquiry whose
/// routing failed, as <c>{"changedBy": ...}</c> (or the signed-in user). <c>409</c> when it is not waiting for routing.
/// </summary>
public sealed class RequeueRouting(RoutingRequeue requeue, IEnquiryStore store, StaffSignIn signIn)
{
    [Function(nameof(RequeueRouting))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "operations/routing/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return Problems.InvalidReference();
        }

        var (change, problem) = await StatusChangeRequestReader.ReadAsync(request, signIn, cancellationToken, defaultStatus: EnquiryStatus.Screened);
        if (change is null)
        {
            return problem!;
        }

        var result = await requeue.RequeueAsync(parsed, change.ChangedBy, cancellationToken);
        return result.Outcome switch
        {
            StatusUpdateOutcome.NotFound => Problems.EnquiryNotFound(),
            StatusUpdateOutcome.NotAllowed => Problems.StatusChangeNotAllowed(result.Enquiry!.Status, EnquiryStatus.Screened, result.Allowed),
            _ => new JsonResponse(StatusCodes.Status202Accepted, EnquiryStatusView.Of(result.Enquiry!, await store.ListStatusChangesAsync(parsed, cancellationToken))),
        };
    }
}
