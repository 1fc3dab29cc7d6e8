using System.Text.Json;

namespace LocalFunctionsHost.Settings;

/// <summary>Where the built worker app lives: its folder and the assembly that <c>dotnet</c> runs.</summary>
internal sealed record AppLocation(string Directory, string AssemblyPath)
{
    /// <summary>
    /// Accepts the app's output folder or its .dll. In a folder, the Functions SDK's
    /// worker.config.json names the assembly, as the real host reads it; failing that, the one
    /// assembly with a runtimeconfig.json beside it is taken.
    /// </summary>
    public static AppLocation Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (!full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--app must be the app folder or its .dll, not '{path}'.");
            }

            return new AppLocation(Path.GetDirectoryName(full)!, full);
        }

        if (!System.IO.Directory.Exists(full))
        {
            throw new ArgumentException($"The app folder '{full}' does not exist. Build the app first.");
        }

        var fromWorkerConfig = ReadWorkerConfig(full);
        if (fromWorkerConfig is not null)
        {
            return new AppLocation(full, fromWorkerConfig);
        }

        var candidates = System.IO.Directory.GetFiles(full, "*.runtimeconfig.json")
            .Select(f => Path.Combine(full, Path.GetFileName(f).Replace(".runtimeconfig.json", ".dll", StringComparison.Ordinal)))
            .Where(File.Exists)
            .ToList();
        return candidates.Count == 1
            ? new AppLocation(full, candidates[0])
            : throw new ArgumentException($"Cannot tell which assembly in '{full}' is the app; pass its .dll to --app.");
    }

    private static string? ReadWorkerConfig(string directory)
    {
        var file = Path.Combine(directory, "worker.config.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file), JsonOptions.Document);
        if (document.RootElement.TryGetProperty("description", out var description)
            && description.TryGetProperty("defaultWorkerPath", out var workerPath)
            && workerPath.GetString() is { Length: > 0 } relative)
        {
            var assembly = Path.Combine(directory, relative);
            return File.Exists(assembly) ? assembly : null;
        }

        return null;
    }
}
