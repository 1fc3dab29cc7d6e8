using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Text;

namespace OnePointEntry.Functions.Retention;

/// <summary>
/// Who asks to erase an enquiry's personal data, for the audit: the signed-in member of staff where App Service
/// Authentication vouches for one (<see cref="StaffSignIn"/>), else <c>{"changedBy"}</c> in a JSON body, as for status changes.
/// </summary>
public static class ErasureRequestReader
{
    public static async Task<(string? ErasedBy, JsonResponse? Problem)> ReadAsync(HttpRequest request, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signIn);
        if (signIn.SignedIn(request) is { } staff)
        {
            return Checked(staff.Name);
        }

        var (read, problem) = await JsonBodies.ReadObjectAsync(
            request, ["application/json"], "application/json with {\"changedBy\"}", StatusChangeRequestReader.MaxBodyBytes,
            "The body must be a JSON object with 'changedBy'.", cancellationToken);
        if (read is not { } root)
        {
            return (null, problem);
        }

        if (root.TryGetProperty("changedBy", out var value) && value.ValueKind != JsonValueKind.Null
            && (value.ValueKind != JsonValueKind.String || !JsonBodies.TryGetString(value, out _)))
        {
            return (null, Problems.InvalidFields(new Dictionary<string, string[]> { ["changedBy"] = ["changedBy must be text."] }));
        }

        return Checked(value.ValueKind == JsonValueKind.String ? value.GetString() : null);
    }

    private static (string?, JsonResponse?) Checked(string? erasedBy)
    {
        if (string.IsNullOrWhiteSpace(erasedBy))
        {
            return (null, Problems.InvalidFields(new Dictionary<string, string[]> { ["changedBy"] = ["changedBy is required: who asks for the erasure."] }));
        }

        var trimmed = erasedBy.Trim();
        return FieldText.Problem("changedBy", trimmed, StatusChangeRequestReader.MaxChangedBy, TextKind.SingleLine) is { } problem
            ? (null, Problems.InvalidFields(new Dictionary<string, string[]> { ["changedBy"] = [problem] }))
            : (trimmed, null);
    }
}
