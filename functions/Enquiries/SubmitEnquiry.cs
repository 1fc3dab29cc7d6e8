using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Form;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// <c>POST /api/enquiries</c>: the web form's and partners' way in. A browser posting the form without its
/// script gets a page in the form's language; everyone else gets JSON.
/// </summary>
public sealed class SubmitEnquiry(EnquiryIntake intake, FormAnswers formAnswers)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    [Function(nameof(SubmitEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enquiries")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (form, problem) = await EnquiryFormReader.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return problem!;
        }

        var result = await intake.SubmitAsync(form, request.Headers[IdempotencyKeyHeader].FirstOrDefault(), cancellationToken);
        if (FormNegotiation.PrefersHtml(request) && formAnswers.Submitted(request, form, result) is { } page)
        {
            return page;
        }

        return result.Outcome switch
        {
            IntakeOutcome.Invalid => Problems.InvalidFields(result.Errors),
            IntakeOutcome.IdempotencyKeyReused => Problems.IdempotencyKeyReused(),
            _ => AcceptedEnquiry.Response(result.Reference!.Value),
        };
    }
}
