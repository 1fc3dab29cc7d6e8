using LocalFunctionsHost.Testing;

namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>One host with the sample app, shared by the tests of <see cref="SampleHostCollection"/>.</summary>
public sealed class SampleHostFixture : IAsyncLifetime
{
    internal SampleSettings Settings { get; } = new();

    internal HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SampleHost.StartAsync(Settings.Values());

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
