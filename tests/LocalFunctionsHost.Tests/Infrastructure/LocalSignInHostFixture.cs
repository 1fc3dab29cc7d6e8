namespace LocalFunctionsHost.Tests.Infrastructure;

/// <summary>One host with the sample app and <c>--local-sign-in</c>, shared by the tests of a class.</summary>
public sealed class LocalSignInHostFixture : IAsyncLifetime
{
    public const string Email = "mei.chen@onepointentry.example";
    public const string DisplayName = "Mei Chén";

    internal SampleHostWithOptions Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SampleHostWithOptions.StartAsync(
        new SampleSettings().Values(),
        "--local-sign-in", Email, "--local-sign-in-name", DisplayName, "--local-sign-in-roles", "Staff,TeamLead");

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
