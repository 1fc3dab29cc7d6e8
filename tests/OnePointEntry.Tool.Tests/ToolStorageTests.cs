using OnePointEntry.Directories;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Tests;

public sealed class ToolStorageTests : IAsyncLifetime
{
    private readonly SeedStorage _storage = new();

    public Task InitializeAsync() => _storage.InitializeAsync();

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Theory]
    [InlineData("Local", "v1.0")]
    [InlineData("Local", "https://graph.microsoft.com/v1.0")]
    [InlineData("None", "http://127.0.0.1:7072/v1.0")]
    public async Task Storage_opens_through_the_apps_composition_whatever_Graph_settings_the_app_itself_would_refuse(string credential, string baseUrl)
    {
        var connectionString = Environment.GetEnvironmentVariable(SeedStorage.ConnectionStringVariable)!;
        using var storage = ToolStorage.Open(
            new Dictionary<string, string?>
            {
                [StorageConnectionOptions.SettingName] = connectionString,
                ["Graph:Credential"] = credential,
                ["Graph:BaseUrl"] = baseUrl,
            },
            _storage.Names);

        await storage.Staff.UpsertAsync([new StaffMember("mei.chen@onepointentry.example", "Mei Chen", ["zh", "en"], ["fur-industry"], 5, Active: true)], CancellationToken.None);

        var row = Assert.Single(await _storage.RowsAsync(_storage.Names.StaffTable));
        Assert.Equal("Mei Chen", row.GetString("Name"));
    }
}
