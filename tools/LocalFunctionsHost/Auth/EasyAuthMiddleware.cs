using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Auth;

/// <summary>
/// Plays App Service Authentication ("Easy Auth") with Microsoft Entra ID in "allow anonymous"
/// mode, for the one user of <c>--local-sign-in</c>: serves <c>/.auth/login/aad</c>,
/// <c>/.auth/logout</c> and <c>/.auth/me</c>, and rewrites the <c>X-MS-CLIENT-PRINCIPAL*</c>
/// headers of every other request. It runs before any endpoint, so that both the InvocationRequest
/// and the request forwarded to the worker are built from the rewritten headers.
/// </summary>
internal sealed class EasyAuthMiddleware(RequestDelegate next, ClientPrincipal principal, SessionStore sessions, ILogger<EasyAuthMiddleware> logger)
{
    public const string CookieName = "AppServiceAuthSession";

    private static readonly PathString AuthRoot = new("/.auth");
    private static readonly PathString LoginPath = new("/.auth/login/aad");
    private static readonly PathString LogoutPath = new("/.auth/logout");
    private static readonly PathString MePath = new("/.auth/me");

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RewritePrincipalHeaders(context.Request);
        var path = context.Request.Path;
        if (!path.StartsWithSegments(AuthRoot))
        {
            return next(context);
        }

        // Easy Auth answers /.auth itself; the app never sees these paths.
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!path.Equals(LoginPath) && !path.Equals(LogoutPath) && !path.Equals(MePath))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Get;
            return Task.CompletedTask;
        }

        if (path.Equals(LoginPath))
        {
            SignIn(context);
            return Task.CompletedTask;
        }

        if (path.Equals(LogoutPath))
        {
            SignOut(context);
            return Task.CompletedTask;
        }

        return MeAsync(context);
    }

    private void RewritePrincipalHeaders(HttpRequest request)
    {
        // A client must never be able to claim a user: Easy Auth drops these before the app sees them.
        var sent = request.Headers.Keys.Where(name => name.StartsWith(ClientPrincipal.HeaderPrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var name in sent)
        {
            request.Headers.Remove(name);
        }

        if (sent.Count > 0)
        {
            AuthLog.ClientHeadersRemoved(logger, sent.Count);
        }

        if (sessions.IsValid(request.Cookies[CookieName]))
        {
            request.Headers[ClientPrincipal.PrincipalHeader] = principal.HeaderValue;
            request.Headers[ClientPrincipal.NameHeader] = principal.Name;
            request.Headers[ClientPrincipal.IdHeader] = principal.ObjectId;
            request.Headers[ClientPrincipal.IdentityProviderHeader] = ClientPrincipal.IdentityProvider;
        }
    }

    private void SignIn(HttpContext context)
    {
        // Entra ID's own sign-in page is skipped: the user is the one given on the command line.
        sessions.End(context.Request.Cookies[CookieName]);
        context.Response.Cookies.Append(CookieName, sessions.Start(), CookieOptions());
        AuthLog.SignedIn(logger);
        Redirect(context, context.Request.Query["post_login_redirect_uri"].FirstOrDefault());
    }

    private void SignOut(HttpContext context)
    {
        sessions.End(context.Request.Cookies[CookieName]);
        context.Response.Cookies.Delete(CookieName, CookieOptions());
        AuthLog.SignedOut(logger);
        Redirect(context, context.Request.Query["post_logout_redirect_uri"].FirstOrDefault());
    }

    private async Task MeAsync(HttpContext context)
    {
        if (!sessions.IsValid(context.Request.Cookies[CookieName]))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(principal.MeJson, context.RequestAborted);
    }

    private void Redirect(HttpContext context, string? requested)
    {
        var target = LocalRedirect.Target(requested);
        if (!string.IsNullOrEmpty(requested) && target != requested)
        {
            AuthLog.RedirectRefused(logger);
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = target;
    }

    // No Secure flag: this host serves plain HTTP, and a browser keeps no Secure cookie from such a site.
    private static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
    };
}
