using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>
/// <c>PUT /api/staff/enquiries/{reference}/same-delegation</c> (signed-in staff): <c>{"sameAs": "OPE-…"}</c> marks the
/// enquiry as about the same delegation as another, which alone counts in the statistics; <c>{"sameAs": null}</c>
/// undoes it. Audited with who; <c>422</c> when the other enquiry does not exist, <c>409</c> when the two would
/// count each other.
/// </summary>
public sealed class MarkSameDelegation(StaffSignIn signIn, SameDelegation sameDelegation, StaffEnquiryDetails details)
{
    [Function(nameof(MarkSameDelegation))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "staff/enquiries/{reference}/same-delegation")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.Staff, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        var (read, sameAs, problem) = await SameDelegationRequestReader.ReadAsync(request, cancellationToken);
        if (!read)
        {
            return problem!;
        }

        var result = await sameDelegation.MarkAsync(parsed, sameAs, access.Member.Name, cancellationToken);
        return result.Outcome switch
        {
            SameDelegationOutcome.NotFound => Problems.EnquiryNotFound(),
            SameDelegationOutcome.OtherNotFound => Problems.SameDelegationNotFound(sameAs!.Value),
            SameDelegationOutcome.Circular => Problems.SameDelegationCircular(),
            SameDelegationOutcome.Conflict => Problems.ChangedMeanwhile(),
            _ => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken),
        };
    }
}
