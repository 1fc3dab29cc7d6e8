using System.Reflection;

namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>Where the built host and sample app are, as recorded by the test project at build time.</summary>
internal static class TestPaths
{
    public static string HostAssembly => Metadata("HostAssembly");

    public static string SampleAppDirectory => Metadata("SampleAppDirectory");

    private static string Metadata(string key)
    {
        var value = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        var path = Path.GetFullPath(value);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{key} '{path}' does not exist; build the test project (it builds the host and the sample app).");
    }
}
