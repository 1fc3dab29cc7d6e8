using LocalFunctionsHost.Testing;

namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>The local host with the sample app.</summary>
internal static class SampleHost
{
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> values) =>
        HostProcess.StartAsync(TestPaths.HostAssembly, TestPaths.SampleAppDirectory, values);
}
