using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Worklist;

/// <summary><c>GET /api/workspace?state=&amp;q=&amp;screener=&amp;country=&amp;theme=&amp;month=&amp;page=&amp;lang=</c> (signed-in staff): the worklist page.</summary>
public sealed class ShowWorkspace(WorkspaceGate gate, WorklistPageAnswers answers)
{
    [Function(nameof(ShowWorkspace))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workspace")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.ShowAsync(visit, request, cancellationToken) : access.Refusal!;
    }
}
