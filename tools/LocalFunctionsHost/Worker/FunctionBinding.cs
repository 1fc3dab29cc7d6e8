using System.Text.Json;

namespace LocalFunctionsHost.Worker;

/// <summary>
/// One binding of a function as the worker described it in <c>raw_bindings</c>: its name, type,
/// direction and the attribute's properties (route, queueName, schedule, connection...).
/// </summary>
internal sealed class FunctionBinding
{
    private readonly Dictionary<string, JsonElement> _properties;

    public FunctionBinding(string name, string type, BindingDirection direction, IEnumerable<KeyValuePair<string, JsonElement>> properties)
    {
        Name = name;
        Type = type;
        Direction = direction;
        _properties = new Dictionary<string, JsonElement>(properties, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string Type { get; }

    public BindingDirection Direction { get; }

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public static FunctionBinding Parse(string rawBinding)
    {
        using var document = JsonDocument.Parse(rawBinding);
        var properties = document.RootElement.EnumerateObject()
            .Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone()))
            .ToList();
        var lookup = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var direction = lookup.TryGetValue("direction", out var d) ? d.GetString() : null;
        return new FunctionBinding(
            lookup.TryGetValue("name", out var n) ? n.GetString() ?? string.Empty : string.Empty,
            lookup.TryGetValue("type", out var t) ? t.GetString() ?? string.Empty : string.Empty,
            direction?.ToUpperInvariant() switch
            {
                "OUT" => BindingDirection.Out,
                "INOUT" => BindingDirection.InOut,
                _ => BindingDirection.In,
            },
            properties);
    }

    public string? GetString(string property) => _properties.TryGetValue(property, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    } : null;

    public bool GetBool(string property) => _properties.TryGetValue(property, out var value) && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => bool.TryParse(value.GetString(), out var parsed) && parsed,
        _ => false,
    };

    public IReadOnlyList<string> GetStrings(string property) =>
        _properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()).OfType<string>().ToList()
            : [];

    /// <summary>The nested <c>properties</c> object the SDK emits, e.g. supportsDeferredBinding for SDK-type parameters.</summary>
    public bool HasNestedFlag(string flag) =>
        _properties.TryGetValue("properties", out var nested)
        && nested.ValueKind == JsonValueKind.Object
        && nested.EnumerateObject().Any(p => string.Equals(p.Name, flag, StringComparison.OrdinalIgnoreCase)
            && (p.Value.ValueKind == JsonValueKind.True
                || (p.Value.ValueKind == JsonValueKind.String && bool.TryParse(p.Value.GetString(), out var on) && on)));
}
