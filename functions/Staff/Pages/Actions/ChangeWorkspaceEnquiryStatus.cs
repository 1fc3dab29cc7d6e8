using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary><c>POST /api/workspace/enquiries/{reference}/status</c> (signed-in staff, from the enquiry's page): the status form: a new status, a note and the visit's day.</summary>
public sealed class ChangeWorkspaceEnquiryStatus(WorkspaceGate gate, EnquiryActionAnswers answers)
{
    [Function(nameof(ChangeWorkspaceEnquiryStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute + "/" + WorkspacePaths.StatusAction)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.ChangeStatusAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
