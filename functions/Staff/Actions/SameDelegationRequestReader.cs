using System.Text.Json;
using Microsoft.AspNetCore.Http;
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
        const string Expected = "The body must be a JSON object with 'sameAs': the reference of the enquiry that counts, or null.";
        var (read, problem) = await JsonBodies.ReadObjectAsync(
            request, ["application/json"], "application/json", StatusChangeRequestReader.MaxBodyBytes, Expected, cancellationToken);
        if (read is not { } root)
        {
            return (false, null, problem);
        }

        if (!root.TryGetProperty("sameAs", out var sameAs))
        {
            return (false, null, Problems.MalformedBody(Expected));
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
