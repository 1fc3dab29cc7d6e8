using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Text;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// Reads <c>{"status", "changedBy", "note", "visitDate"}</c>; <c>visitDate</c> (<c>yyyy-MM-dd</c>) is the
/// delegation's arrival day, given when the visit is scheduled or moved. Who made the change is the signed-in member of staff
/// where App Service Authentication vouches for one (<see cref="StaffSignIn"/>), else <c>changedBy</c> (a script holding the function key).
/// </summary>
public static class StatusChangeRequestReader
{
    public const int MaxBodyBytes = 8 * 1024;
    public const int MaxChangedBy = 200;
    public const int MaxNote = 2_000;

    /// <param name="defaultStatus">The status meant when the body names none (an operator command that implies it).</param>
    public static async Task<(StatusChangeRequest? Request, JsonResponse? Problem)> ReadAsync(HttpRequest request, StaffSignIn signIn, CancellationToken cancellationToken, EnquiryStatus? defaultStatus = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        var (read, problem) = await JsonBodies.ReadObjectAsync(
            request, ["application/json"], "application/json", MaxBodyBytes,
            "The body must be a JSON object with 'status', 'changedBy', 'note' and 'visitDate'.", cancellationToken);
        if (read is not { } root)
        {
            return (null, problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || !JsonBodies.TryGetString(value, out var text))
            {
                errors[name] = [$"{name} must be text."];
                return null;
            }

            return text;
        }

        var statusText = Text("status") ?? (errors.ContainsKey("status") ? null : defaultStatus?.ToString());
        EnquiryStatus status = default;
        if (errors.ContainsKey("status"))
        {
            // Already said: not text.
        }
        else if (statusText is null || !Enum.TryParse(statusText, ignoreCase: true, out status) || !Enum.IsDefined(status) || int.TryParse(statusText, out _))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", Enum.GetNames<EnquiryStatus>())}."];
        }

        var changedBy = signIn.SignedIn(request)?.Name ?? Text("changedBy");
        if (errors.ContainsKey("changedBy"))
        {
            // Already said: not text.
        }
        else if (string.IsNullOrWhiteSpace(changedBy))
        {
            errors["changedBy"] = ["changedBy is required: who is making the change."];
        }
        else if (FieldText.Problem("changedBy", changedBy.Trim(), MaxChangedBy, TextKind.SingleLine) is { } changedByProblem)
        {
            errors["changedBy"] = [changedByProblem];
        }

        var note = Text("note");
        if (note is not null && FieldText.Problem("note", note, MaxNote, TextKind.MultiLine) is { } noteProblem)
        {
            errors["note"] = [noteProblem];
        }

        DateOnly? visitDate = null;
        if (root.TryGetProperty("visitDate", out var visitValue) && visitValue.ValueKind != JsonValueKind.Null)
        {
            if (visitValue.ValueKind != JsonValueKind.String
                || !JsonBodies.TryGetString(visitValue, out var visitText)
                || !DateOnly.TryParseExact(visitText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
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
}
