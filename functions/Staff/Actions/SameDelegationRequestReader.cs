using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>Reads <c>{"sameAs": "OPE-2611-7K3F"}</c> (the enquiry that counts for both) or <c>{"sameAs": null}</c> (count this one again).</summary>
public static class SameDelegationRequestReader
{
    public static async Task<(bool Read, EnquiryReference? SameAs, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null, Problems.UnsupportedMediaType(request.ContentType, "application/json"));
        }

        var body = request.ContentLength > StatusChangeRequestReader.MaxBodyBytes
            ? null
            : await HttpBodies.ReadLimitedAsync(request.Body, StatusChangeRequestReader.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (false, null, Problems.BodyTooLarge(StatusChangeRequestReader.MaxBodyBytes));
        }

        var (document, problem) = JsonBodies.Parse(body);
        if (document is null)
        {
            return (false, null, problem);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sameAs", out var sameAs))
            {
                return (false, null, Problems.MalformedBody("The body must be a JSON object with 'sameAs': the reference of the enquiry that counts, or null."));
            }

            if (sameAs.ValueKind == JsonValueKind.Null)
            {
                return (true, null, null);
            }

            return sameAs.ValueKind == JsonValueKind.String && JsonBodies.TryGetString(sameAs, out var text) && EnquiryReference.TryParse(text?.Trim(), out var reference)
                ? (true, reference, null)
                : (false, null, Problems.InvalidFields(new Dictionary<string, string[]> { ["sameAs"] = ["sameAs must be an enquiry reference such as OPE-2611-7K3F, or null."] }));
        }
    }
}
