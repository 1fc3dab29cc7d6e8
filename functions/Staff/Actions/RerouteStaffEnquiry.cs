using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Routing;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>
/// <c>POST /api/staff/enquiries/{reference}/routing</c> (signed-in staff): routes again an enquiry whose routing
/// failed (after a correction, or once Microsoft 365 is back); <c>202</c>; <c>409</c> when it is past routing.
/// </summary>
public sealed class RerouteStaffEnquiry(StaffSignIn signIn, RoutingRequeue requeue, StaffEnquiryDetails details)
{
    [Function(nameof(RerouteStaffEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "staff/enquiries/{reference}/routing")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.Staff, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        var result = await requeue.RequeueAsync(parsed, access.Member.Name, cancellationToken);
        return result.Outcome switch
        {
            StatusUpdateOutcome.NotFound => Problems.EnquiryNotFound(),
            StatusUpdateOutcome.NotAllowed => Problems.StatusChangeNotAllowed(result.Enquiry!.Status, EnquiryStatus.Screened, result.Allowed),
            _ => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status202Accepted, cancellationToken),
        };
    }
}
