using System.Collections;
using System.Text.Json;

namespace LocalFunctionsHost.Settings;

/// <summary>
/// App settings as the worker and the bindings see them: the Values of local.settings.json over
/// the host's own environment. The file wins so that a checked-in sample behaves the same on
/// every machine.
/// </summary>
internal sealed class AppSettings
{
    private readonly Dictionary<string, string> _values;

    public AppSettings(IReadOnlyDictionary<string, string> fileValues, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(fileValues);
        ArgumentNullException.ThrowIfNull(environment);
        FileValues = fileValues;
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                _values[key] = value;
            }
        }

        foreach (var (key, value) in fileValues)
        {
            _values[key] = value;
        }
    }

    /// <summary>
    /// The Values of local.settings.json, plus any setting the host adds as the platform would
    /// (<see cref="WithPlatformSetting"/>): what the worker gets on top of the inherited environment.
    /// </summary>
    public IReadOnlyDictionary<string, string> FileValues { get; }

    public string? SettingsFile { get; init; }

    /// <summary>
    /// These settings plus one that App Service itself sets for a feature it provides (such as
    /// WEBSITE_AUTH_ENABLED for its authentication); it wins over local.settings.json, as the
    /// platform's setting does in Azure.
    /// </summary>
    public AppSettings WithPlatformSetting(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var fileValues = new Dictionary<string, string>(FileValues, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return new AppSettings(fileValues, new Hashtable(_values, StringComparer.OrdinalIgnoreCase)) { SettingsFile = SettingsFile };
    }

    public static AppSettings Load(string? path, AppLocation app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var file = path ?? new[] { Path.GetFullPath("local.settings.json"), Path.Combine(app.Directory, "local.settings.json") }
            .FirstOrDefault(File.Exists);
        if (path is not null && !File.Exists(path))
        {
            throw new ArgumentException($"The settings file '{Path.GetFullPath(path)}' does not exist.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (file is not null)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), JsonOptions.Document);
            if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }
        }

        return new AppSettings(values, Environment.GetEnvironmentVariables()) { SettingsFile = file };
    }

    /// <summary>
    /// Whether the app setting <c>AzureWebJobs.{name}.Disabled</c> is true, the real host's way to stop a
    /// function's trigger without changing the app.
    /// </summary>
    public bool IsFunctionDisabled(string functionName) =>
        Get($"AzureWebJobs.{functionName}.Disabled") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Every setting, the file's over the environment's.</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Resolves <c>%Name%</c> binding expressions the way the host does for queue names and schedules.</summary>
    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
        {
            var name = text[1..^1];
            return Get(name) ?? throw new InvalidOperationException($"The app setting '{name}' referenced as '{text}' is not set.");
        }

        return text;
    }

    /// <summary>
    /// The storage connection string for a binding's <c>connection</c> property: empty means
    /// AzureWebJobsStorage; a name N is looked up as AzureWebJobsN, then N, like the real host.
    /// </summary>
    public string GetStorageConnectionString(string? connectionName)
    {
        var name = string.IsNullOrWhiteSpace(connectionName) ? "AzureWebJobsStorage" : connectionName;
        var value = Get("AzureWebJobs" + name) ?? Get(name);
        if (value is not null)
        {
            return value;
        }

        if (Get(name + "__queueServiceUri") is not null || Get(name + "__accountName") is not null)
        {
            throw new InvalidOperationException(
                $"The connection '{name}' is identity-based; this local host supports connection strings only (e.g. UseDevelopmentStorage=true).");
        }

        throw new InvalidOperationException($"The storage connection '{name}' is not set (looked for the settings AzureWebJobs{name} and {name}).");
    }
}
