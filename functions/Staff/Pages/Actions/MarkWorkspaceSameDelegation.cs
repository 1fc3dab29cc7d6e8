using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>
/// <c>POST /api/workspace/enquiries/{reference}/same-delegation</c> (signed-in staff, from the enquiry's page): marks
/// the enquiry as about the same delegation as the one typed, which alone counts; an empty value counts it again.
/// </summary>
public sealed class MarkWorkspaceSameDelegation(WorkspaceGate gate, EnquiryActionAnswers answers)
{
    [Function(nameof(MarkWorkspaceSameDelegation))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute + "/" + WorkspacePaths.SameDelegationAction)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.MarkSameDelegationAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
