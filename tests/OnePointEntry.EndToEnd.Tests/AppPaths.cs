using System.Reflection;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>Where the built host and Function App are, as recorded by this project at build time.</summary>
internal static class AppPaths
{
    public static string HostAssembly => Metadata("HostAssembly");

    public static string AppDirectory => Metadata("AppDirectory");

    /// <summary>The built operations tool, <c>ope.dll</c>.</summary>
    public static string ToolAssembly => Metadata("ToolAssembly");

    /// <summary>The sample staff and partners shipped with the tool.</summary>
    public static string SampleDataDirectory => Metadata("SampleDataDirectory");

    /// <summary>The sample mail shipped with the tool, for <c>ope mail send</c>.</summary>
    public static string SampleMailDirectory => Metadata("SampleMailDirectory");

    private static string Metadata(string key)
    {
        var value = typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var path = Path.GetFullPath(value);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{key} '{path}' does not exist; build this test project (it builds the app, the host and the tool).");
    }
}
