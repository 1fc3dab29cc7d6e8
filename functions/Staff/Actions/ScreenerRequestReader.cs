using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.Actions;

/// <summary>Reads <c>{"screener": "mei.chen@onepointentry.example"}</c>: the staff id of whom to give the screening.</summary>
public static class ScreenerRequestReader
{
    // A user principal name is at most 113 characters; a Graph object id 36.
    private const int MaxIdLength = 256;

    public static async Task<(string? Screener, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Expected = "The body must be a JSON object with 'screener': the staff id of whom to give the screening.";
        var (read, problem) = await JsonBodies.ReadObjectAsync(
            request, ["application/json"], "application/json", StatusChangeRequestReader.MaxBodyBytes, Expected, cancellationToken);
        if (read is not { } root)
        {
            return (null, problem);
        }

        if (!root.TryGetProperty("screener", out var screener))
        {
            return (null, Problems.MalformedBody(Expected));
        }

        return JsonBodies.TryGetString(screener, out var text) && text?.Trim() is { Length: > 0 and <= MaxIdLength } id
            ? (id, null)
            : (null, Problems.InvalidFields(new Dictionary<string, string[]> { ["screener"] = [$"screener must be a staff id of at most {MaxIdLength} characters."] }));
    }
}
