using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary><c>POST /api/workspace/enquiries/{reference}/erase</c> (a signed-in team lead, from the enquiry's page): erases the personal data once confirmed.</summary>
public sealed class EraseWorkspaceEnquiryPersonalData(WorkspaceGate gate, EnquiryActionAnswers answers)
{
    [Function(nameof(EraseWorkspaceEnquiryPersonalData))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute + "/" + WorkspacePaths.EraseAction)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.TeamLead);
        return access.Visit is { } visit ? await answers.EraseAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
