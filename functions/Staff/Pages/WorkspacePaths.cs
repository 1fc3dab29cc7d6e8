using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// Where the workspace's pages and forms are. Every link carries the page's language (<c>lang</c>), so a choice made
/// once holds across pages and through a form's redirect.
/// </summary>
public static class WorkspacePaths
{
    public const string Worklist = "/api/workspace";
    public const string EnquiryRoute = "workspace/enquiries/{reference}";
    public const string StatusAction = "status";
    public const string RerouteAction = "reroute";
    public const string EraseAction = "erase";
    public const string SameDelegationAction = "same-delegation";
    public const string ReassignAction = "screener";

    /// <summary>Signs out and comes back to the worklist (which then asks to sign in again).</summary>
    public const string SignOut = "/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fworkspace";

    public static string Enquiry(EnquiryReference reference) => Enquiry(reference.ToString());

    public static string Enquiry(string reference) => "/api/workspace/enquiries/" + Uri.EscapeDataString(reference);

    public static string Action(string reference, string action) => Enquiry(reference) + "/" + action;

    /// <summary><paramref name="path"/> with a query of the non-empty <paramref name="parameters"/> and the language.</summary>
    public static string With(string path, string language, params (string Name, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var query = parameters
            .Where(parameter => !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => new KeyValuePair<string, string?>(parameter.Name, parameter.Value))
            .Append(new KeyValuePair<string, string?>("lang", language));
        return path + QueryString.Create(query).ToUriComponent();
    }
}
