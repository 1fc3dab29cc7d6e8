using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Reads the state document and the cards in it forgivingly: a member of the wrong kind counts as missing, so a
/// card or a record the page does not expect shows what it can instead of failing the page.
/// </summary>
internal static class StateJson
{
    public static string? String(JsonNode? node, string name) => Text(Member(node, name));

    public static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValueKind() switch
    {
        JsonValueKind.String => value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString()),
        JsonValueKind.Number => value.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    /// <summary>A number, or a string holding one (<c>"width": "2"</c> is common in cards).</summary>
    public static double? Number(JsonNode? node, string name) =>
        Member(node, name) is JsonValue value
        && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
        && double.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    /// <summary>A flag that is true or "true"; Adaptive Cards in the wild carry both.</summary>
    public static bool? Flag(JsonNode? node, string name) => Member(node, name) is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(Text(value), out var parsed) => parsed,
            _ => null,
        }
        : null;

    /// <summary>An instant, or null when it is missing, unreadable or so far off that date arithmetic on it could overflow.</summary>
    public static DateTimeOffset? Time(JsonNode? node, string name) =>
        String(node, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
        && time.Year is >= 1900 and <= 9000
            ? time
            : null;

    public static JsonObject? Object(JsonNode? node, string name) => Member(node, name) as JsonObject;

    /// <summary>The array's objects, skipping anything else in it; empty when the member is missing.</summary>
    public static IReadOnlyList<JsonObject> Objects(JsonNode? node, string name) =>
        Member(node, name) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    public static IReadOnlyList<JsonNode> Items(JsonNode? node, string name) =>
        Member(node, name) is JsonArray array ? [.. array.OfType<JsonNode>()] : [];

    public static IReadOnlyList<string> Strings(JsonNode? node, string name) =>
        Member(node, name) is JsonArray array ? [.. array.Select(Text).OfType<string>()] : [];

    /// <summary>A member looked up as JSON is written, then without regard to case, as Adaptive Card hosts read it.</summary>
    public static JsonNode? Member(JsonNode? node, string name)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
