using System.Globalization;
using System.Text.Json;
using LocalFunctionsHost.Queues;

namespace LocalFunctionsHost.Settings;

/// <summary>The parts of the app's host.json that this host honours.</summary>
internal sealed record HostJsonSettings
{
    public string RoutePrefix { get; init; } = "api";

    public QueueSettings Queues { get; init; } = QueueSettings.Default;

    public static HostJsonSettings Load(string appDirectory)
    {
        var file = Path.Combine(appDirectory, "host.json");
        return File.Exists(file) ? Parse(File.ReadAllText(file)) : new HostJsonSettings();
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
