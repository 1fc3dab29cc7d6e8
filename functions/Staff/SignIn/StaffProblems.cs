using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>The API's answers to a request that is not a signed-in member of staff with the right role.</summary>
public static class StaffProblems
{
    private const string ContentType = "application/problem+json; charset=utf-8";
    private const string TypePrefix = "urn:onepointentry:problem:";

    public static JsonResponse SignInUnavailable() => Create(
        StatusCodes.Status401Unauthorized, "sign-in-unavailable", "Staff sign-in is not set up on this app.",
        "Staff routes need App Service Authentication with Microsoft Entra ID in front of the app; without it nobody is signed in.");

    public static JsonResponse SignInRequired(string loginPath) => Create(
        StatusCodes.Status401Unauthorized, "sign-in-required", "Sign in as staff first.",
        $"Sign in with your One-Point Entry account at {loginPath} and send the request with the session it gives.");

    public static JsonResponse RoleRequired(StaffRole role) => Create(
        StatusCodes.Status403Forbidden, "role-required", "Your account does not have the role this needs.",
        $"This needs the {role} role; ask the Entra ID administrator to assign it to you.");

    public static JsonResponse SameDelegationNotFound(OnePointEntry.Enquiries.EnquiryReference other) => Create(
        StatusCodes.Status422UnprocessableEntity, "same-delegation-not-found", "There is no enquiry with that reference to count instead.",
        $"{other} does not exist. Nothing was saved.");

    public static JsonResponse SameDelegationCircular() => Create(
        StatusCodes.Status409Conflict, "same-delegation-circular", "The two enquiries would count each other.",
        "Mark the other enquiry instead, or undo its own mark first: one enquiry of a delegation must count. Nothing was saved.");

    public static JsonResponse ChangedMeanwhile() => Create(
        StatusCodes.Status409Conflict, "changed-meanwhile", "Someone changed the enquiry at the same moment.",
        "Nothing was saved; send the same request again.");

    private static JsonResponse Create(int status, string type, string title, string detail)
    {
        var response = new JsonResponse(status, new Problem { Type = TypePrefix + type, Title = title, Status = status, Detail = detail }, ContentType);
        if (status == StatusCodes.Status401Unauthorized)
        {
            // RFC 9110 asks a 401 to name a scheme; the session comes from App Service Authentication's own sign-in.
            response.Headers["WWW-Authenticate"] = "Bearer realm=\"One-Point Entry staff\"";
        }

        return response;
    }
}
