using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Staff.Pages.Enquiry;
using OnePointEntry.Retention;
using OnePointEntry.Routing;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>
/// The action forms of the enquiry's page, each calling the domain service the staff API calls, in the signed-in
/// member's name: done, back to the page (303) with its notice; refused, the page again with what is wrong
/// (400 for what was sent, 409 for what the enquiry's status does not allow).
/// </summary>
public sealed class EnquiryActionAnswers(
    EnquiryStatusUpdate update,
    RoutingRequeue requeue,
    PersonalDataEraser eraser,
    SameDelegation sameDelegation,
    ScreenerReassignment reassignment,
    EnquiryPageAnswers pages)
{
    public async Task<IActionResult> ReassignAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        var (parsed, form, refusal) = await EnquiryPageAnswers.ReadPostAsync(visit, request, reference, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = visit.Text;
        var chosen = PostedForm.One(form, "screener").Trim();
        Task<IActionResult> RefusedAsync(int status, string message) => pages.PageAsync(
            visit,
            parsed,
            status,
            new EnquiryPageState
            {
                Errors = [new PageError(ActionFormsRenderer.ScreenerId, text["reassign.label"], message)],
                StatusTyped = new Dictionary<string, string>(StringComparer.Ordinal) { ["screener"] = chosen },
            },
            cancellationToken);

        if (chosen.Length == 0)
        {
            return await RefusedAsync(StatusCodes.Status400BadRequest, text["reassign.error.choose"]);
        }

        var result = await reassignment.ReassignAsync(parsed, chosen, visit.Staff.Name, cancellationToken);
        return result.Outcome switch
        {
            ScreenerReassignmentOutcome.NotFound => EnquiryPageAnswers.NotFound(visit, parsed.ToString()),
            ScreenerReassignmentOutcome.UnknownScreener => await RefusedAsync(StatusCodes.Status400BadRequest, text["reassign.error.unknown"]),
            ScreenerReassignmentOutcome.NotAllowed => await pages.PageAsync(
                visit,
                parsed,
                StatusCodes.Status409Conflict,
                new EnquiryPageState { Errors = [new PageError("actions-title", text["reassign.heading"], text["reassign.error.notAllowed"])] },
                cancellationToken),
            ScreenerReassignmentOutcome.Conflict => await RefusedAsync(StatusCodes.Status409Conflict, text["reassign.error.conflict"]),
            ScreenerReassignmentOutcome.Unchanged => EnquiryPageAnswers.Done(visit, parsed, "unchanged"),
            _ => EnquiryPageAnswers.Done(visit, parsed, "reassigned"),
        };
    }

    public async Task<IActionResult> MarkSameDelegationAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        var (parsed, form, refusal) = await EnquiryPageAnswers.ReadPostAsync(visit, request, reference, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = visit.Text;
        var typed = PostedForm.One(form, "sameAs").Trim();
        Task<IActionResult> RefusedAsync(int status, string message) => pages.PageAsync(
            visit,
            parsed,
            status,
            new EnquiryPageState
            {
                Errors = [new PageError(ActionFormsRenderer.SameAsId, text["same.label"], message)],
                StatusTyped = new Dictionary<string, string>(StringComparer.Ordinal) { ["sameAs"] = typed },
            },
            cancellationToken);

        EnquiryReference? counted = null;
        if (typed.Length > 0)
        {
            if (!EnquiryReference.TryParse(typed.ToUpperInvariant(), out var other))
            {
                return await RefusedAsync(StatusCodes.Status400BadRequest, text["same.error.invalid"]);
            }

            counted = other;
        }

        var result = await sameDelegation.MarkAsync(parsed, counted, visit.Staff.Name, cancellationToken);
        return result.Outcome switch
        {
            SameDelegationOutcome.NotFound => EnquiryPageAnswers.NotFound(visit, parsed.ToString()),
            SameDelegationOutcome.OtherNotFound => await RefusedAsync(StatusCodes.Status400BadRequest, text["same.error.notFound"]),
            SameDelegationOutcome.Circular => await RefusedAsync(StatusCodes.Status409Conflict, text["same.error.circular"]),
            SameDelegationOutcome.Conflict => await RefusedAsync(StatusCodes.Status409Conflict, text["same.error.conflict"]),
            SameDelegationOutcome.Unchanged => EnquiryPageAnswers.Done(visit, parsed, "unchanged"),
            _ => EnquiryPageAnswers.Done(visit, parsed, counted is null ? "counted" : "sameDelegation"),
        };
    }

    public async Task<IActionResult> ChangeStatusAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        var (parsed, form, refusal) = await EnquiryPageAnswers.ReadPostAsync(visit, request, reference, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var post = StatusFormReader.Read(form, visit.Text);
        if (post.Errors.Count > 0 || post.Status is not { } status)
        {
            return await pages.PageAsync(visit, parsed, StatusCodes.Status400BadRequest, new EnquiryPageState { Errors = post.Errors, StatusTyped = post.Typed }, cancellationToken);
        }

        var result = await update.ChangeAsync(parsed, status, visit.Staff.Name, post.Note, post.VisitDate, cancellationToken);
        var text = visit.Text;
        return result.Outcome switch
        {
            StatusUpdateOutcome.NotFound => EnquiryPageAnswers.NotFound(visit, parsed.ToString()),
            StatusUpdateOutcome.NotAllowed => await pages.PageAsync(
                visit,
                parsed,
                StatusCodes.Status409Conflict,
                new EnquiryPageState { Errors = [new PageError(ActionFormsRenderer.StatusId, text["status.to"], text["status.error.notAllowed"])], StatusTyped = post.Typed },
                cancellationToken),
            StatusUpdateOutcome.VisitDateMissing => await pages.PageAsync(
                visit,
                parsed,
                StatusCodes.Status400BadRequest,
                new EnquiryPageState { Errors = [new PageError(ActionFormsRenderer.VisitDateId, text["status.visitDate"], text["status.error.visitDateMissing"])], StatusTyped = post.Typed },
                cancellationToken),
            StatusUpdateOutcome.Unchanged => EnquiryPageAnswers.Done(visit, parsed, "unchanged"),
            _ => EnquiryPageAnswers.Done(visit, parsed, "status"),
        };
    }

    public async Task<IActionResult> RerouteAsync(PageVisit visit, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return EnquiryPageAnswers.BadReference(visit);
        }

        var result = await requeue.RequeueAsync(parsed, visit.Staff.Name, cancellationToken);
        var text = visit.Text;
        return result.Outcome switch
        {
            StatusUpdateOutcome.NotFound => EnquiryPageAnswers.NotFound(visit, parsed.ToString()),
            StatusUpdateOutcome.NotAllowed => await pages.PageAsync(
                visit,
                parsed,
                StatusCodes.Status409Conflict,
                new EnquiryPageState { Errors = [new PageError("actions-title", text["reroute.heading"], text["reroute.error.notAllowed"])] },
                cancellationToken),
            _ => EnquiryPageAnswers.Done(visit, parsed, "rerouted"),
        };
    }

    public async Task<IActionResult> EraseAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        var (parsed, form, refusal) = await EnquiryPageAnswers.ReadPostAsync(visit, request, reference, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (PostedForm.One(form, "confirm") != "yes")
        {
            var text = visit.Text;
            return await pages.PageAsync(
                visit,
                parsed,
                StatusCodes.Status400BadRequest,
                new EnquiryPageState { Errors = [new PageError(ActionFormsRenderer.ConfirmId, text["erase.heading"], text["erase.error.confirm"])] },
                cancellationToken);
        }

        var result = await eraser.EraseAsync(parsed, visit.Staff.Name, ErasureReason.Request, cancellationToken);
        return result.Enquiry is null ? EnquiryPageAnswers.NotFound(visit, parsed.ToString()) : EnquiryPageAnswers.Done(visit, parsed, "erased");
    }
}
