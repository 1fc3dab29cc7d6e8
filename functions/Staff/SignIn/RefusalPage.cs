using System.Net;
using System.Text;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>A short page for a browser that may not see a staff page, in Danish or English.</summary>
public static class RefusalPage
{
    public static ContentResponse Create(int status, RefusalReason reason, string language)
    {
        var danish = language == "da";
        var (title, text) = (reason, danish) switch
        {
            (RefusalReason.SignInUnavailable, true) => ("Log-ind er ikke sat op", "Denne app står ikke bag App Service-godkendelse med Microsoft Entra ID, så ingen kan logge ind som medarbejder."),
            (RefusalReason.SignInUnavailable, false) => ("Sign-in is not set up", "This app is not behind App Service Authentication with Microsoft Entra ID, so nobody can sign in as staff."),
            (RefusalReason.TeamLeadRequired, true) => ("Kun for teamledere", "Din konto har ikke rollen TeamLead. Bed din Entra ID-administrator om den."),
            (RefusalReason.TeamLeadRequired, false) => ("Team leads only", "Your account does not have the TeamLead role. Ask your Entra ID administrator for it."),
            (_, true) => ("Ingen adgang", "Din konto har ikke rollen Staff i One-Point Entry. Bed din Entra ID-administrator om den."),
            (_, false) => ("No access", "Your account does not have the Staff role in One-Point Entry. Ask your Entra ID administrator for it."),
        };
        var nonce = SecurityHeaders.NewNonce();
        var html = $"""
            <!DOCTYPE html>
            <html lang="{(danish ? "da" : "en")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · One-Point Entry</title>
            <style nonce="{nonce}">body{"{"}font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b{"}"}</style></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>
            <p><a href="{StaffSignIn.LogoutPath}?post_logout_redirect_uri=%2Fapi%2Fworkspace">{(danish ? "Log ud" : "Sign out")}</a></p></main></body>
            </html>
            """;
        var response = new ContentResponse(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), SecurityHeaders.ContentSecurityPolicy(nonce));
        response.Headers["Content-Language"] = danish ? "da" : "en";
        return response;
    }
}
