using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Routing;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>
/// <c>PUT /api/staff/enquiries/{reference}/screener</c> (team leads): <c>{"screener": "staff id"}</c> gives the
/// screening to that person; the old screener's calendar event is deleted, the Planner task handed on and a Teams
/// card says so, by the outbox. <c>202</c> with the enquiry (routing queued), <c>200</c> when that person has it
/// already; <c>422</c> for nobody active by that id, <c>409</c> when there is no screening to move.
/// </summary>
public sealed class ReassignScreener(StaffSignIn signIn, ScreenerReassignment reassignment, StaffEnquiryDetails details)
{
    [Function(nameof(ReassignScreener))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "staff/enquiries/{reference}/screener")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.TeamLead, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        var (screener, problem) = await ScreenerRequestReader.ReadAsync(request, cancellationToken);
        if (screener is null)
        {
            return problem!;
        }

        var result = await reassignment.ReassignAsync(parsed, screener, access.Member.Name, cancellationToken);
        return result.Outcome switch
        {
            ScreenerReassignmentOutcome.NotFound => Problems.EnquiryNotFound(),
            ScreenerReassignmentOutcome.NotAllowed => Problems.ReassignmentNotAllowed(result.Enquiry!.Status),
            ScreenerReassignmentOutcome.UnknownScreener => Problems.ScreenerUnknown(),
            ScreenerReassignmentOutcome.Conflict => Problems.ChangedMeanwhile(),
            ScreenerReassignmentOutcome.Unchanged => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken),
            _ => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status202Accepted, cancellationToken),
        };
    }
}
