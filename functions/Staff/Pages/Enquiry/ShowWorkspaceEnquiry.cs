using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary><c>GET /api/workspace/enquiries/{reference}?lang=&amp;done=</c> (signed-in staff): the enquiry's page.</summary>
public sealed class ShowWorkspaceEnquiry(WorkspaceGate gate, EnquiryPageAnswers answers)
{
    [Function(nameof(ShowWorkspaceEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WorkspacePaths.EnquiryRoute)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.ShowAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
