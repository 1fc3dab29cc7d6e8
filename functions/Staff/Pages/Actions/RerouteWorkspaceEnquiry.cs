using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary><c>POST /api/workspace/enquiries/{reference}/reroute</c> (signed-in staff, from the enquiry's page): routes the enquiry again.</summary>
public sealed class RerouteWorkspaceEnquiry(WorkspaceGate gate, EnquiryActionAnswers answers)
{
    [Function(nameof(RerouteWorkspaceEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute + "/" + WorkspacePaths.RerouteAction)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.RerouteAsync(visit, reference, cancellationToken) : access.Refusal!;
    }
}
