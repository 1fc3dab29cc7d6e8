using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// Whether a post to <c>POST /api/enquiries</c> comes from a browser showing the form without its script,
/// which gets an HTML page back, rather than from an API client, which gets exactly the JSON it always got.
/// </summary>
public static class FormNegotiation
{
    private static readonly string[] s_jsonTypes = ["application/json", "application/problem+json", "application/*", "*/*"];

    /// <summary>
    /// A form-urlencoded post whose Accept names text/html above every JSON type. Browsers send
    /// <c>text/html,…,*/*;q=0.8</c> for a form; curl's <c>*/*</c> and the page's own script's
    /// <c>application/json</c> never prefer HTML.
    /// </summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var html = Quality(accepted, ["text/html"]);
        return html > 0 && html > Quality(accepted, s_jsonTypes);
    }

    private static double Quality(IList<MediaTypeHeaderValue> accepted, string[] types) =>
        accepted
            .Where(range => types.Any(type => range.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)))
            .Select(range => range.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();
}
