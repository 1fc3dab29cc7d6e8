using Microsoft.AspNetCore.Http;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// The second layer against cross-site requests on the workspace's forms (the first is the sign-in cookie's
/// SameSite=Lax): a post is taken only when the browser says it came from this site (<c>Sec-Fetch-Site:
/// same-origin</c>, or no such header from an older client) and, when it names its <c>Origin</c>, that origin is
/// the request's own scheme and host. A page on another site can set neither header.
/// </summary>
public static class SameOriginPosts
{
    public static bool Allows(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || from.AbsolutePath != "/" || !string.IsNullOrEmpty(from.Query))
        {
            // "null" (an opaque origin: a sandboxed frame, a data: page) or anything that is not an origin.
            return false;
        }

        // Behind the platform's front end TLS ends before the app, which then sees http and the front end's
        // X-Forwarded-Proto; a cross-site page can set neither, so either scheme names this site.
        var schemes = new[] { request.Scheme, request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim() };
        return schemes.Any(scheme => scheme.Length > 0 && from.Scheme.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            && from.Authority.Equals(NormalisedHost(request, from.Scheme), StringComparison.OrdinalIgnoreCase);
    }

    // Uri.Authority leaves out a scheme's default port; so must the host it is compared with.
    private static string NormalisedHost(HttpRequest request, string scheme)
    {
        var host = request.Host;
        return host.Port is { } port && ((port == 80 && scheme == Uri.UriSchemeHttp) || (port == 443 && scheme == Uri.UriSchemeHttps))
            ? host.Host
            : host.Value ?? string.Empty;
    }
}
