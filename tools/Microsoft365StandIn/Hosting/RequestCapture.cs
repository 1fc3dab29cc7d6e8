using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Microsoft365StandIn.Hosting;

/// <summary>Turns an HTTP request into a <see cref="RecordedRequest"/> and tells the root the client used.</summary>
internal static class RequestCapture
{
    public static RecordedRequest Record(HttpRequest request, string path, byte[] body, DateTime receivedAt) => new(
        request.Method,
        path,
        QueryHelpers.ParseQuery(request.QueryString.Value),
        request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body),
        receivedAt);

    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";
}
