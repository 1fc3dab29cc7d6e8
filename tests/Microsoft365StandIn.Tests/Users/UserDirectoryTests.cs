using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Users;

/// <summary>The tenant's directory: the staff file's people and the shared mailbox, found by object id, UPN or mail.</summary>
public sealed class UserDirectoryTests : IAsyncLifetime
{
    private readonly string _staffFile = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.json");
    private StandInServer _server = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_staffFile, """
            [
              { "id": "meilin.sorensen@onepointentry.example", "name": "Mei Lin Sørensen", "languages": ["zh"] },
              { "id": "5339b542-3d40-4406-94d5-ba2a55a5f9a9", "name": "Huang Jing" }
            ]
            """);
        _server = await StandInServer.StartAsync(new StandInOptions { UsersFile = _staffFile });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_staffFile);
    }

    [Fact]
    public async Task A_user_is_found_by_address_and_by_object_id_with_the_properties_selected()
    {
        var graph = GraphClients.For(_server);

        var byAddress = await graph.Users["meilin.sorensen@onepointentry.example"].GetAsync(request => request.QueryParameters.Select = ["id", "mail", "userPrincipalName"]);
        var byId = await graph.Users[byAddress!.Id].GetAsync();
        var byGuid = await graph.Users["5339b542-3d40-4406-94d5-ba2a55a5f9a9"].GetAsync();

        Assert.Equal("meilin.sorensen@onepointentry.example", byAddress.Mail);
        Assert.Null(byAddress.DisplayName);
        Assert.Equal("Mei Lin Sørensen", byId!.DisplayName);
        Assert.Equal(byAddress.Id, byId.Id);
        Assert.Equal("huang.jing@onepointentry.example", byGuid!.Mail);
        Assert.Equal(3, _server.Users.Count);
    }

    [Fact]
    public async Task An_unknown_user_is_Request_ResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(_server).Users["nobody@onepointentry.example"].GetAsync());

        Assert.Equal((404, "Request_ResourceNotFound"), (error.ResponseStatusCode, error.Error?.Code));
    }

    [Fact]
    public async Task An_app_only_token_cannot_use_me()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(_server).Me.GetAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains("delegated", error.Error?.Message, StringComparison.Ordinal);
    }
}
