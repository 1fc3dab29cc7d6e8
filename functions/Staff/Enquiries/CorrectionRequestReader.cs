using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// Reads a correction: a JSON object of field names to values, e.g. <c>{"country": "SE", "sector": "private"}</c>;
/// <c>null</c> or <c>""</c> clears a field, and <c>themes</c> may be an array of theme ids or one comma-separated text.
/// What each value may be is the field's own rule (<see cref="EnquiryFieldValues"/>).
/// </summary>
public static class CorrectionRequestReader
{
    public const int MaxBodyBytes = 16 * 1024;

    public static async Task<(IReadOnlyDictionary<string, string?>? Corrections, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (read, problem) = await JsonBodies.ReadObjectAsync(
            request, ["application/json", "application/merge-patch+json"], "application/json or application/merge-patch+json", MaxBodyBytes,
            "The body must be a JSON object of the fields to correct, e.g. {\"country\": \"SE\"}.", cancellationToken);
        if (read is not { } root)
        {
            return (null, problem);
        }

        var corrections = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name.Length > 64 ? property.Name[..64] + "…" : property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    corrections[name] = null;
                    break;
                case JsonValueKind.String when JsonBodies.TryGetString(property.Value, out var text):
                    corrections[name] = text;
                    break;
                case JsonValueKind.Number when property.Value.TryGetInt32(out var number):
                    corrections[name] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case JsonValueKind.Array when ReadList(property.Value) is { } list:
                    corrections[name] = list;
                    break;
                default:
                    errors[name] = [$"{name} must be text, a whole number, a list of texts or null."];
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return (null, Problems.InvalidCorrections(errors));
        }

        return corrections.Count == 0
            ? (null, Problems.MalformedBody("The body names no field to correct."))
            : (corrections, null);
    }

    private static string? ReadList(JsonElement array)
    {
        var items = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !JsonBodies.TryGetString(item, out var text) || text is null || text.Contains(EnquiryFieldValues.ListSeparator, StringComparison.Ordinal))
            {
                return null;
            }

            items.Add(text);
        }

        return string.Join(EnquiryFieldValues.ListSeparator, items);
    }
}
