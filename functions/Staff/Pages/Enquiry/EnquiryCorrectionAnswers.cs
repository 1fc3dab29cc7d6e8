using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The facts editor's post: only the fields the person changed go to <see cref="EnquiryCorrection"/>, on the version
/// the page was loaded with, in the signed-in member's name. Saved: back to the page (303). A value that cannot be
/// taken: the page again (400) with the values as typed and the errors at their fields. Someone else saved in
/// between: the page as it stands now (409) with the person's own values in the form, what is saved now beside
/// them and the current version, so that saving again is a deliberate choice; nothing is saved and nothing is lost.
/// </summary>
public sealed class EnquiryCorrectionAnswers(EnquiryCorrection correction, EnquiryPageAnswers pages)
{
    public async Task<IActionResult> CorrectAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        var (parsed, form, refusal) = await EnquiryPageAnswers.ReadPostAsync(visit, request, reference, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (CorrectionFormReader.Read(form) is not { Version: { } version } post)
        {
            return EnquiryPageAnswers.BadForm(visit);
        }

        if (post.Changes.Count == 0)
        {
            return EnquiryPageAnswers.Done(visit, parsed, "unchanged");
        }

        var result = await correction.CorrectAsync(parsed, version, post.Changes, visit.Staff.Name, cancellationToken);
        switch (result.Outcome)
        {
            case CorrectionOutcome.NotFound:
                return EnquiryPageAnswers.NotFound(visit, parsed.ToString());
            case CorrectionOutcome.Invalid:
                var invalid = new EnquiryPageState
                {
                    Errors = CorrectionErrors.Translate(result.Problems, post.Typed, visit.Text),
                    Typed = post.Typed,
                    Was = post.Was,
                    Version = version,
                };
                return await pages.PageAsync(visit, parsed, StatusCodes.Status400BadRequest, invalid, cancellationToken);
            case CorrectionOutcome.Conflict:
                var mine = post.Changes.ToDictionary(change => change.Key, change => change.Value ?? string.Empty, StringComparer.Ordinal);
                var conflict = new EnquiryPageState { Typed = mine, Conflicts = mine };
                return await pages.PageAsync(visit, parsed, StatusCodes.Status409Conflict, conflict, cancellationToken);
            case CorrectionOutcome.Unchanged:
                return EnquiryPageAnswers.Done(visit, parsed, "unchanged");
            default:
                return EnquiryPageAnswers.Done(visit, parsed, "corrected");
        }
    }
}
