using System.Reflection;

namespace OnePointEntry.Bench.Faults;

/// <summary>Where the built host, app, tool and Azurite are, as recorded by this project at build time.</summary>
internal static class BenchPaths
{
    public static string HostAssembly => Metadata("HostAssembly");

    public static string AppDirectory => Metadata("AppDirectory");

    public static string ToolAssembly => Metadata("ToolAssembly");

    public static string Azurite => Metadata("Azurite");

    /// <summary>Files copied beside the bench (the sample settings, staff, partners and mails).</summary>
    public static string Beside(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    private static string Metadata(string key)
    {
        var value = typeof(BenchPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var path = Path.GetFullPath(value);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{key} '{path}' does not exist; bench/faults.sh builds everything in Release and installs Azurite first.");
    }
}
