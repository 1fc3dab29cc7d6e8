using System.Collections;
using System.Text.Json;

namespace OnePointEntry.Tool.Seeding;

/// <summary>
/// The app's settings as the tool sees them: the <c>Values</c> of <c>local.settings.json</c> (in the current
/// folder, else at the repository root), overridden by environment variables, as the Functions host reads
/// them; keys in configuration form (<c>Graph__Mailbox</c> becomes <c>Graph:Mailbox</c>).
/// </summary>
internal sealed record ToolSettings(IReadOnlyDictionary<string, string?> Settings, string? LocalSettingsPath)
{
    public const string FileName = "local.settings.json";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "OnePointEntry.Functions.sln";

    /// <exception cref="InvalidDataException">local.settings.json is not valid JSON.</exception>
    public static ToolSettings Load(string currentDirectory, IDictionary environment, string? toolDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var path = FindLocalSettings(currentDirectory, toolDirectory);
        if (path is not null)
        {
            foreach (var (key, value) in ReadValues(path))
            {
                values[ToConfigurationKey(key)] = value;
            }
        }

        foreach (DictionaryEntry variable in environment)
        {
            if (variable.Key is string key)
            {
                values[ToConfigurationKey(key)] = variable.Value as string;
            }
        }

        return new ToolSettings(values, path);
    }

    /// <summary>Where a setting came from, for messages (never its value, which may hold a key).</summary>
    public string SourceOf(string key, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bool IsSetting(string name) => name.Equals(key, StringComparison.OrdinalIgnoreCase) || name.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase);
        if (environment.Keys.OfType<string>().Any(name => IsSetting(ToConfigurationKey(name))))
        {
            return "the environment";
        }

        return LocalSettingsPath is not null && Settings.Keys.Any(IsSetting) ? LocalSettingsPath : "nowhere";
    }

    private static string? FindLocalSettings(string currentDirectory, string? toolDirectory)
    {
        var here = Path.Combine(currentDirectory, FileName);
        if (File.Exists(here))
        {
            return here;
        }

        foreach (var start in new[] { currentDirectory, toolDirectory })
        {
            var root = start is null ? null : FindRepositoryRoot(start);
            if (root is not null && File.Exists(Path.Combine(root, FileName)))
            {
                return Path.Combine(root, FileName);
            }
        }

        return null;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static IEnumerable<(string Key, string? Value)> ReadValues(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Values", out var settings)
                || settings.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. settings.EnumerateObject().Select(setting => (setting.Name, setting.Value.ValueKind switch
            {
                JsonValueKind.String => setting.Value.GetString(),
                JsonValueKind.Null => null,
                _ => setting.Value.GetRawText(),
            }))];
        }
    }

    private static string ToConfigurationKey(string key) => key.Replace("__", ":", StringComparison.Ordinal);
}
