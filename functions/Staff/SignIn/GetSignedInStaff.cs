using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary><c>GET /api/staff/me</c>: who the app takes the caller to be (name and roles), or 401.</summary>
public sealed class GetSignedInStaff(StaffSignIn signIn)
{
    [Function(nameof(GetSignedInStaff))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "staff/me")] HttpRequest request)
    {
        // Signed in without the Staff role still says who, so the person knows which account to ask about.
        if (signIn.SignedIn(request) is not { } staff)
        {
            return signIn.ForApi(request, StaffRole.Staff).Refusal!;
        }

        return new JsonResponse(StatusCodes.Status200OK, new SignedInStaffView(staff.Name, staff.DisplayName, [.. staff.Roles.Order().Select(role => role.ToString())]));
    }
}
