using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// The way into every workspace page: the page's language, a post from another site refused (403), then the
/// signed-in member holding <c>role</c>, else the sign-in redirect or a page saying why not.
/// </summary>
public sealed partial class WorkspaceGate(StaffSignIn signIn, ILogger<WorkspaceGate> logger)
{
    public PageAccess Enter(HttpRequest request, StaffRole role)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = WorkspaceLanguage.Of(request);
        var text = WorkspaceTexts.For(language);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !SameOriginPosts.Allows(request))
        {
            LogCrossSite(logger, request.Path.Value ?? string.Empty, request.Headers["Sec-Fetch-Site"].ToString());
            return new PageAccess(null, WorkspaceResponses.Message(StatusCodes.Status403Forbidden, text, null, "problem.crossSite.title", "problem.crossSite.text"));
        }

        return signIn.Check(request, role) switch
        {
            ({ } staff, _) => new PageAccess(new PageVisit(staff, text), null),
            (_, RefusalReason.NotSignedIn) => new PageAccess(null, WorkspaceResponses.Redirect(StaffSignIn.LoginLocation(request))),
            (_, RefusalReason.SignInUnavailable) => new PageAccess(null, WorkspaceResponses.Message(StatusCodes.Status401Unauthorized, text, null, "refusal.unavailable.title", "refusal.unavailable.text")),
            (_, RefusalReason.TeamLeadRequired) => new PageAccess(null, WorkspaceResponses.Message(StatusCodes.Status403Forbidden, text, null, "refusal.teamLead.title", "refusal.teamLead.text")),
            _ => new PageAccess(null, WorkspaceResponses.Message(StatusCodes.Status403Forbidden, text, null, "refusal.staff.title", "refusal.staff.text")),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace post to {Path} refused: not from this site (Sec-Fetch-Site '{Site}')")]
    private static partial void LogCrossSite(ILogger logger, string path, string site);
}
