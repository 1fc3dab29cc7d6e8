using System.Globalization;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Graph;

/// <summary>Small helpers for Graph's JSON: times as Graph writes them, strings read leniently, <c>$select</c>.</summary>
internal static class GraphJson
{
    /// <summary>Graph's UTC timestamps: <c>2026-12-07T09:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>With seven fractional digits, as subscriptions' <c>expirationDateTime</c> comes back.</summary>
    public static string PreciseTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static int? Int(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var number))
        {
            return number;
        }

        return value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static DateTimeOffset? Timestamp(JsonNode? node) =>
        String(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>
    /// Keeps only the properties <c>$select</c> names (case-insensitive), plus <c>id</c> and the OData annotations,
    /// as Graph does; without <c>$select</c> the entity is returned whole.
    /// </summary>
    public static JsonObject Select(JsonObject entity, string? select)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            return entity;
        }

        var wanted = new HashSet<string>(select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase) { "id" };
        var selected = new JsonObject();
        foreach (var (name, value) in entity)
        {
            if (name.StartsWith('@') || wanted.Contains(name))
            {
                selected[name] = value?.DeepClone();
            }
        }

        return selected;
    }

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
