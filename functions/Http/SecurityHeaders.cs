using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace OnePointEntry.Functions.Http;

/// <summary>
/// The headers every HTML page of the app carries. The Content-Security-Policy allows nothing from
/// anywhere except the page's own inline style and script, marked with this response's nonce, requests
/// back to the app itself, and forms posted to the app; nothing may frame the page.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// A fresh nonce for one response: 128 random bits, so a page's allowance cannot be guessed. Written in hex,
    /// which HTML leaves as it is in an attribute (Base64's '+' and '/' would be encoded in the page).
    /// </summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'none'; " +
        $"script-src 'nonce-{nonce}'; " +
        $"style-src 'nonce-{nonce}'; " +
        "img-src 'self' data:; " +
        "connect-src 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'none'";

    public static void Apply(IHeaderDictionary headers, string nonce) => ApplyPolicy(headers, ContentSecurityPolicy(nonce));

    /// <summary>The same headers with another page's policy (e.g. the statistics report's), or none for a body that is not a page.</summary>
    public static void ApplyPolicy(IHeaderDictionary headers, string? contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (contentSecurityPolicy is not null)
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // A page may echo what someone typed (their e-mail address among it): no cache may keep it.
        headers.CacheControl = "no-store";
    }
}
