using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Directories;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Worklist;

namespace OnePointEntry.Functions.Staff.Pages.Worklist;

/// <summary>
/// The worklist page as an HTTP answer: the filters read as the staff API reads them (<see cref="WorklistQueryReader"/>),
/// the worklist asked once, the page rendered; filters that cannot be used are a <c>400</c> page naming them.
/// </summary>
public sealed class WorklistPageAnswers(OnePointEntry.Workspace.Worklist worklist, IStaffDirectory staff, WorklistPageRenderer renderer)
{
    public async Task<IActionResult> ShowAsync(PageVisit visit, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(request);
        var filters = WorklistFilters.From(request.Query);
        var (query, problem) = WorklistQueryReader.Read(request.Query);
        // The directory is the team (tens of people), read in one query beside the worklist's own.
        var screenersTask = staff.ListAsync(cancellationToken);
        if (query is null)
        {
            var errors = Errors(visit.Text, (problem?.Body as Problem)?.Errors?.Keys ?? []);
            var screenersOnly = Screeners(await screenersTask);
            return WorkspaceResponses.Page(StatusCodes.Status400BadRequest, visit.Language, nonce => renderer.Render(visit, filters, null, screenersOnly, errors, nonce));
        }

        var pageTask = worklist.ReadAsync(query, cancellationToken);
        await Task.WhenAll(screenersTask, pageTask);
        var screeners = Screeners(await screenersTask);
        var page = await pageTask;
        return WorkspaceResponses.Page(StatusCodes.Status200OK, visit.Language, nonce => renderer.Render(visit, filters, page, screeners, [], nonce));
    }

    private static List<(string Id, string Name)> Screeners(IReadOnlyList<StaffMember> members) =>
        [.. members.Where(member => member.Active).OrderBy(member => member.Name, StringComparer.CurrentCulture).Select(member => (member.Id, member.Name))];


    private static List<PageError> Errors(WorkspaceText text, IEnumerable<string> names) =>
        [.. names.Select(name => new PageError(
            "filter-" + name,
            text.Or($"worklist.{name}", name),
            name switch
            {
                "state" or "country" or "month" or "page" => text[$"worklist.invalid.{name}"],
                _ => text["worklist.invalid.text"],
            }))];
}
