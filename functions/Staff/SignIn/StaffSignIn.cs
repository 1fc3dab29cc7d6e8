using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>
/// Who is signed in, from the platform's principal only. App Service Authentication removes any
/// <c>X-MS-CLIENT-PRINCIPAL</c> a client sends and adds its own, and it sets <c>WEBSITE_AUTH_ENABLED</c>; without
/// that setting nothing stands between a client and the header, so the header is ignored and nobody is signed in.
/// Staff routes are anonymous to the Functions host (the form must stay anonymous on the same app) and ask
/// this service instead: the API answers 401/403, a page sends the browser to sign in.
/// </summary>
public sealed class StaffSignIn(IConfiguration configuration)
{
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string LoginPath = "/.auth/login/aad";
    public const string LogoutPath = "/.auth/logout";

    /// <summary>Whether the app sits behind App Service Authentication, so that its principal header can be trusted.</summary>
    public bool IsAvailable { get; } = string.Equals(configuration[EnabledSetting], "true", StringComparison.OrdinalIgnoreCase);

    public SignedInStaff? SignedIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsAvailable ? ClientPrincipal.Read(request.Headers[PrincipalHeader].FirstOrDefault()) : null;
    }

    /// <summary>For the JSON API: the member holding <paramref name="role"/>, else a 401 or 403 problem.</summary>
    public StaffAccess ForApi(HttpRequest request, StaffRole role)
    {
        if (!IsAvailable)
        {
            return StaffAccess.Refused(StaffProblems.SignInUnavailable());
        }

        var staff = SignedIn(request);
        if (staff is null)
        {
            return StaffAccess.Refused(StaffProblems.SignInRequired(LoginPath));
        }

        return staff.Holds(role) ? StaffAccess.Granted(staff) : StaffAccess.Refused(StaffProblems.RoleRequired(role));
    }

    /// <summary>For a page: the member holding <paramref name="role"/>, else a redirect to sign in or a page saying why not.</summary>
    public StaffAccess ForPage(HttpRequest request, StaffRole role, string language)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsAvailable)
        {
            return StaffAccess.Refused(RefusalPage.Create(StatusCodes.Status401Unauthorized, RefusalReason.SignInUnavailable, language));
        }

        var staff = SignedIn(request);
        if (staff is null)
        {
            // Only the app's own path and query go into the return address: the sign-in never leads off the app.
            var back = $"{request.PathBase}{request.Path}{request.QueryString}";
            var location = $"{LoginPath}?post_login_redirect_uri={Uri.EscapeDataString(back)}";
            var redirect = new ContentResponse(StatusCodes.Status302Found, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Sign in: " + location));
            redirect.Headers["Location"] = location;
            return StaffAccess.Refused(redirect);
        }

        return staff.Holds(role)
            ? StaffAccess.Granted(staff)
            : StaffAccess.Refused(RefusalPage.Create(StatusCodes.Status403Forbidden, role == StaffRole.TeamLead ? RefusalReason.TeamLeadRequired : RefusalReason.StaffRequired, language));
    }
}
