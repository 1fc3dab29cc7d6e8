using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// Reads <c>{"status", "changedBy", "note", "visitDate"}</c>; <c>visitDate</c> (<c>yyyy-MM-dd</c>) is the
/// delegation's arrival day, given when the visit is scheduled or moved. Who made the change comes from App Service authentication
/// (<c>X-MS-CLIENT-PRINCIPAL-NAME</c>) where the app is behind it, else from <c>changedBy</c>.
/// </summary>
public static class StatusChangeRequestReader
{
    public const int MaxBodyBytes = 8 * 1024;
    public const int MaxChangedBy = 200;
    public const int MaxNote = 2_000;
    private const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <param name="defaultStatus">The status meant when the body names none (an operator command that implies it).</param>
    public static async Task<(StatusChangeRequest? Request, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, EnquiryStatus? defaultStatus = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType, "application/json"));
        }

        var body = request.ContentLength > MaxBodyBytes ? null : await HttpBodies.ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.BodyTooLarge(MaxBodyBytes));
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, Problems.MalformedBody("The body is not valid JSON."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.MalformedBody("The body must be a JSON object with 'status', 'changedBy', 'note' and 'visitDate'."));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statusText = Text(root, "status") ?? defaultStatus?.ToString();
        EnquiryStatus status = default;
        if (statusText is null || !Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", Enum.GetNames<EnquiryStatus>())}."];
        }

        var changedBy = request.Headers[PrincipalHeader].FirstOrDefault() is { Length: > 0 } principal ? principal : Text(root, "changedBy");
        if (string.IsNullOrWhiteSpace(changedBy))
        {
            errors["changedBy"] = ["changedBy is required: who is making the change."];
        }
        else if (changedBy.Length > MaxChangedBy)
        {
            errors["changedBy"] = [$"changedBy must be at most {MaxChangedBy} characters."];
        }

        var note = Text(root, "note");
        if (note is { Length: > MaxNote })
        {
            errors["note"] = [$"note must be at most {MaxNote} characters."];
        }

        DateOnly? visitDate = null;
        if (root.TryGetProperty("visitDate", out var visitValue) && visitValue.ValueKind != JsonValueKind.Null)
        {
            if (visitValue.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(visitValue.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors["visitDate"] = ["visitDate must be a date written yyyy-MM-dd."];
            }
            else if (!errors.ContainsKey("status") && !EnquiryLifecycle.IsFacilitated(status))
            {
                errors["visitDate"] = [$"visitDate goes with status {EnquiryStatus.VisitScheduled} or {EnquiryStatus.Completed}."];
            }
            else
            {
                visitDate = day;
            }
        }

        return errors.Count > 0
            ? (null, Problems.InvalidFields(errors))
            : (new StatusChangeRequest(status, changedBy!.Trim(), note, visitDate), null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
