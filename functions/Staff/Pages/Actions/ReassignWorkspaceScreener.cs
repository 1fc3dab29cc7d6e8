using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>
/// <c>POST /api/workspace/enquiries/{reference}/screener</c> (team leads, from the enquiry's page): gives the
/// screening to the person chosen; their event and task replace the current screener's.
/// </summary>
public sealed class ReassignWorkspaceScreener(WorkspaceGate gate, EnquiryActionAnswers answers)
{
    [Function(nameof(ReassignWorkspaceScreener))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute + "/" + WorkspacePaths.ReassignAction)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.TeamLead);
        return access.Visit is { } visit ? await answers.ReassignAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
