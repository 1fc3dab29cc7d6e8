using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalFunctionsHost.Queues;

namespace LocalFunctionsHost.Settings;

/// <summary>The parts of the app's host.json that this host honours.</summary>
internal sealed record HostJsonSettings
{
    public string RoutePrefix { get; init; } = "api";

    public QueueSettings Queues { get; init; } = QueueSettings.Default;

    /// <summary>The prefix of app settings that override host.json values, as on the real host.</summary>
    public const string OverridePrefix = "AzureFunctionsJobHost__";

    /// <summary>
    /// The app's host.json with the real host's overrides applied: an app setting
    /// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> replaces that value.
    /// </summary>
    public static HostJsonSettings Load(string appDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var file = Path.Combine(appDirectory, "host.json");
        var json = File.Exists(file) ? File.ReadAllText(file) : "{}";
        return Parse(ApplyOverrides(json, settings ?? new Dictionary<string, string>()));
    }

    public static string ApplyOverrides(string json, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var overrides = settings.Where(setting => setting.Key.StartsWith(OverridePrefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (overrides.Count == 0)
        {
            return json;
        }

        var root = JsonNode.Parse(json, documentOptions: JsonOptions.Document) as JsonObject ?? [];
        foreach (var (key, value) in overrides)
        {
            var path = key[OverridePrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            var node = root;
            foreach (var name in path[..^1])
            {
                var existing = node.FirstOrDefault(child => string.Equals(child.Key, name, StringComparison.OrdinalIgnoreCase));
                if (existing.Value is JsonObject child)
                {
                    node = child;
                }
                else
                {
                    var created = new JsonObject();
                    node[existing.Key ?? name] = created;
                    node = created;
                }
            }

            var leaf = node.FirstOrDefault(child => string.Equals(child.Key, path[^1], StringComparison.OrdinalIgnoreCase)).Key ?? path[^1];
            node[leaf] = value;
        }

        return root.ToJsonString();
    }

    public static HostJsonSettings Parse(string json)
    {
        using var document = JsonDocument.Parse(json, JsonOptions.Document);
        var extensions = Child(document.RootElement, "extensions");
        var http = extensions is { } e ? Child(e, "http") : null;
        var queues = extensions is { } q ? Child(q, "queues") : null;

        var settings = new HostJsonSettings();
        if (http is { } h && Child(h, "routePrefix") is { ValueKind: JsonValueKind.String } prefix)
        {
            settings = settings with { RoutePrefix = prefix.GetString()!.Trim('/') };
        }

        if (queues is { } section)
        {
            var batchSize = Int(section, "batchSize") ?? QueueSettings.Default.BatchSize;
            settings = settings with
            {
                Queues = new QueueSettings
                {
                    BatchSize = Math.Clamp(batchSize, 1, 32),
                    NewBatchThreshold = Int(section, "newBatchThreshold") ?? QueueSettings.DefaultNewBatchThreshold(batchSize),
                    MaxDequeueCount = Int(section, "maxDequeueCount") ?? QueueSettings.Default.MaxDequeueCount,
                    VisibilityTimeout = Time(section, "visibilityTimeout") ?? QueueSettings.Default.VisibilityTimeout,
                    MaxPollingInterval = Time(section, "maxPollingInterval") ?? QueueSettings.Default.MaxPollingInterval,
                    Base64Encoding = !string.Equals(Child(section, "messageEncoding")?.GetString(), "none", StringComparison.OrdinalIgnoreCase),
                },
            };
        }

        return settings;
    }

    private static JsonElement? Child(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static int? Int(JsonElement section, string name) => Child(section, name) switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetInt32(),
        { ValueKind: JsonValueKind.String } text => int.Parse(text.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };

    // host.json writes durations as "hh:mm:ss"; older files give maxPollingInterval in milliseconds.
    private static TimeSpan? Time(JsonElement section, string name) => Child(section, name) switch
    {
        { ValueKind: JsonValueKind.Number } number => TimeSpan.FromMilliseconds(number.GetDouble()),
        { ValueKind: JsonValueKind.String } text => TimeSpan.Parse(text.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };
}
