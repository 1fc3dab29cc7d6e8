using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// <c>PATCH /api/staff/enquiries/{reference}</c> (signed-in staff) with <c>If-Match</c>: corrects the facts the
/// machine read, e.g. <c>{"country": "SE", "sector": "private"}</c>. <c>200</c> with the enquiry as it now
/// stands and its new ETag; <c>412</c> when someone changed it since (nothing saved); <c>428</c> without
/// <c>If-Match</c>; <c>400</c> naming each value that cannot be taken.
/// </summary>
public sealed class CorrectEnquiry(StaffSignIn signIn, EnquiryCorrection correction, StaffEnquiryDetails details)
{
    [Function(nameof(CorrectEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "staff/enquiries/{reference}")] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = signIn.ForEnquiryApi(request, StaffRole.Staff, reference);
        if (access.Refusal is { } refusal)
        {
            return refusal;
        }

        var parsed = access.Reference;

        if (EnquiryETag.TagOf(request.Headers.IfMatch) is not { } tag)
        {
            return Problems.VersionRequired();
        }

        var (corrections, problem) = await CorrectionRequestReader.ReadAsync(request, cancellationToken);
        if (corrections is null)
        {
            return problem!;
        }

        var result = await correction.CorrectAsync(parsed, tag, corrections, access.Member.Name, cancellationToken);
        return result.Outcome switch
        {
            CorrectionOutcome.NotFound => Problems.EnquiryNotFound(),
            CorrectionOutcome.Invalid => Problems.InvalidCorrections(result.Problems.ToDictionary(problem => problem.Key, problem => new[] { problem.Value }, StringComparer.Ordinal)),
            CorrectionOutcome.Conflict => WithETag(Problems.EnquiryChanged(), result.Enquiry),
            _ => await StaffAnswers.EnquiryAsync(details, parsed, StatusCodes.Status200OK, cancellationToken),
        };
    }

    private static JsonResponse WithETag(JsonResponse response, Enquiry? current)
    {
        if (current?.Version is { } version)
        {
            response.Headers["ETag"] = EnquiryETag.Of(version);
        }

        return response;
    }
}
