using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Worklist;

namespace OnePointEntry.Functions.Staff.Pages.Worklist;

/// <summary>
/// The worklist page as an HTTP answer: the filters read as the staff API reads them (<see cref="WorklistQueryReader"/>),
/// the worklist asked once, the page rendered; filters that cannot be used are a <c>400</c> page naming them.
/// </summary>
public sealed class WorklistPageAnswers(OnePointEntry.Workspace.Worklist worklist, WorklistPageRenderer renderer)
{
    public async Task<IActionResult> ShowAsync(PageVisit visit, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(request);
        var filters = WorklistFilters.From(request.Query);
        var (query, problem) = WorklistQueryReader.Read(request.Query);
        if (query is null)
        {
            var errors = Errors(visit.Text, (problem?.Body as Problem)?.Errors?.Keys ?? []);
            return WorkspaceResponses.Page(StatusCodes.Status400BadRequest, visit.Language, nonce => renderer.Render(visit, filters, null, errors, nonce));
        }

        var page = await worklist.ReadAsync(query, cancellationToken);
        return WorkspaceResponses.Page(StatusCodes.Status200OK, visit.Language, nonce => renderer.Render(visit, filters, page, [], nonce));
    }

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
