using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>
/// Who is signed in, from the platform's principal only. App Service Authentication removes any
/// <c>X-MS-CLIENT-PRINCIPAL</c> a client sends and adds its own, and it sets <c>WEBSITE_AUTH_ENABLED</c>; without
/// that setting nothing stands between a client and the header, so the header is ignored and nobody is signed in.
/// Staff routes are anonymous to the Functions host (the form must stay anonymous on the same app) and ask
/// this service instead: the API answers 401/403; the pages (<c>WorkspaceGate</c>) send the browser to sign in
/// or say why not.
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

    /// <summary>The signed-in member holding <paramref name="role"/>, or why not.</summary>
    public (SignedInStaff? Staff, RefusalReason? Refusal) Check(HttpRequest request, StaffRole role)
    {
        if (!IsAvailable)
        {
            return (null, RefusalReason.SignInUnavailable);
        }

        if (SignedIn(request) is not { } staff)
        {
            return (null, RefusalReason.NotSignedIn);
        }

        return staff.Holds(role) ? (staff, null) : (null, role == StaffRole.TeamLead ? RefusalReason.TeamLeadRequired : RefusalReason.StaffRequired);
    }

    /// <summary>For the JSON API: the member holding <paramref name="role"/>, else a 401 or 403 problem.</summary>
    public StaffAccess ForApi(HttpRequest request, StaffRole role) => Check(request, role) switch
    {
        ({ } staff, _) => StaffAccess.Granted(staff),
        (_, RefusalReason.SignInUnavailable) => StaffAccess.Refused(Problems.SignInUnavailable()),
        (_, RefusalReason.NotSignedIn) => StaffAccess.Refused(Problems.SignInRequired(LoginPath)),
        _ => StaffAccess.Refused(Problems.RoleRequired(role.ToString())),
    };

    /// <summary>
    /// For the JSON API on one enquiry: the member holding <paramref name="role"/> and the parsed
    /// <paramref name="reference"/>, else the sign-in's 401 or 403 problem, or a 400 for a malformed reference (checked
    /// after the sign-in, so that nobody learns anything without signing in).
    /// </summary>
    public StaffEnquiryAccess ForEnquiryApi(HttpRequest request, StaffRole role, string reference)
    {
        var access = ForApi(request, role);
        if (access.Refusal is { } refusal)
        {
            return new StaffEnquiryAccess(null, default, refusal);
        }

        return EnquiryReference.TryParse(reference, out var parsed)
            ? new StaffEnquiryAccess(access.Staff, parsed, null)
            : new StaffEnquiryAccess(null, default, Problems.InvalidReference());
    }

    /// <summary>Where a browser goes to sign in and come back to <paramref name="request"/>'s page: only the app's own path and query, never off the app.</summary>
    public static string LoginLocation(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var back = $"{request.PathBase}{request.Path}{request.QueryString}";
        return $"{LoginPath}?post_login_redirect_uri={Uri.EscapeDataString(back)}";
    }
}
