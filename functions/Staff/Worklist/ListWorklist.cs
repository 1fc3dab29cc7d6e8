using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Worklist;

/// <summary>
/// <c>GET /api/staff/enquiries?state=&amp;q=&amp;screener=&amp;country=&amp;theme=&amp;month=&amp;page=</c> (signed-in
/// staff): what needs someone, counted per state and listed soonest due first, a page at a time.
/// </summary>
public sealed class ListWorklist(StaffSignIn signIn, OnePointEntry.Workspace.Worklist worklist)
{
    [Function(nameof(ListWorklist))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/enquiries")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (signIn.ForApi(request, StaffRole.Staff).Refusal is { } refusal)
        {
            return refusal;
        }

        var (query, problem) = WorklistQueryReader.Read(request.Query);
        return query is null
            ? problem!
            : new JsonResponse(StatusCodes.Status200OK, WorklistView.Of(await worklist.ReadAsync(query, cancellationToken)));
    }
}
