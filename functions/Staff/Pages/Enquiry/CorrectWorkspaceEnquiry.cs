using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary><c>POST /api/workspace/enquiries/{reference}</c> (signed-in staff, from the page itself): the facts editor's corrections.</summary>
public sealed class CorrectWorkspaceEnquiry(WorkspaceGate gate, EnquiryCorrectionAnswers answers)
{
    [Function(nameof(CorrectWorkspaceEnquiry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WorkspacePaths.EnquiryRoute)] HttpRequest request,
        string reference,
        CancellationToken cancellationToken)
    {
        var access = gate.Enter(request, StaffRole.Staff);
        return access.Visit is { } visit ? await answers.CorrectAsync(visit, request, reference, cancellationToken) : access.Refusal!;
    }
}
