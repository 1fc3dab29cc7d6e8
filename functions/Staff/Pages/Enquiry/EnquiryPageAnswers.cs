using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using OnePointEntry.Directories;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The enquiry's page as an HTTP answer, for the page itself and for every form on it: the enquiry read once
/// (<see cref="StaffEnquiryDetails"/>, as the staff API reads it) and rendered with what the form left
/// (a notice, errors, the values typed); a <c>404</c> page for an unknown reference, a <c>400</c> page for one that
/// is not a reference; after a post, the redirect back to the page with its notice.
/// </summary>
public sealed class EnquiryPageAnswers(StaffEnquiryDetails details, EnquiryPageRenderer renderer, IStaffDirectory staff)
{
    public async Task<IActionResult> ShowAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(request);
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return BadReference(visit);
        }

        var done = request.Query["done"].ToString();
        var state = EnquiryPageState.Notices.Contains(done) ? new EnquiryPageState { Done = done } : EnquiryPageState.Empty;
        return await PageAsync(visit, parsed, StatusCodes.Status200OK, state, cancellationToken);
    }

    /// <summary>The page of <paramref name="reference"/> as it stands now, with <paramref name="state"/>; a 404 page when there is no such enquiry.</summary>
    public async Task<IActionResult> PageAsync(PageVisit visit, EnquiryReference reference, int status, EnquiryPageState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(state);
        var view = await details.ReadAsync(reference, cancellationToken);
        if (view is null)
        {
            return NotFound(visit, reference.ToString());
        }

        // The staff (one small partition) are read only where the page offers them: to a team lead, while there is
        // a screening to give to someone else.
        if (view.CanReassign && visit.Staff.Holds(StaffRole.TeamLead))
        {
            var screeners = await staff.ListAsync(cancellationToken);
            var comparer = StringComparer.Create(WorkspaceLanguage.Culture(visit.Language), System.Globalization.CompareOptions.None);
            state = state with { Screeners = [.. screeners.Where(member => member.Active).OrderBy(member => member.Name, comparer).Select(member => (member.Id, member.Name))] };
        }

        return WorkspaceResponses.Page(status, visit.Language, nonce => renderer.Render(view, visit, state, nonce));
    }

    /// <summary>After a post that did what it should: back to the page (303), which says what was done.</summary>
    public static IActionResult Done(PageVisit visit, EnquiryReference reference, string done)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return WorkspaceResponses.SeeOther(WorkspacePaths.With(WorkspacePaths.Enquiry(reference), visit.Language, ("done", done)));
    }

    public static IActionResult NotFound(PageVisit visit, string reference)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return WorkspaceResponses.Message(StatusCodes.Status404NotFound, visit.Text, visit, "problem.notFound.title", "problem.notFound.text", ("reference", reference));
    }

    /// <summary>The reference and the fields of a form posted from the page; a 400 page when either cannot be read.</summary>
    public static async Task<EnquiryPagePost> ReadPostAsync(PageVisit visit, HttpRequest request, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(request);
        if (!EnquiryReference.TryParse(reference, out var parsed))
        {
            return new EnquiryPagePost(default, new Dictionary<string, StringValues>(), BadReference(visit));
        }

        return await PostedForm.ReadAsync(request, cancellationToken) is { } form
            ? new EnquiryPagePost(parsed, form, null)
            : new EnquiryPagePost(parsed, new Dictionary<string, StringValues>(), BadForm(visit));
    }

    public static IActionResult BadReference(PageVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return WorkspaceResponses.Message(StatusCodes.Status400BadRequest, visit.Text, visit, "problem.badReference.title", "problem.badReference.text");
    }

    public static IActionResult BadForm(PageVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return WorkspaceResponses.Message(StatusCodes.Status400BadRequest, visit.Text, visit, "problem.badForm.title", "problem.badForm.text");
    }
}
