using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Mail;

/// <summary>A message's ids as Exchange keeps them: the regular id changes on a move, the immutable id never does.</summary>
public sealed class MessageIdTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_delivered_mail_is_read_back_as_its_MIME_content()
    {
        var id = _server.StageMessage(Mails.Enquiry());
        var graph = GraphClients.For(_server);

        await using var content = (await graph.Users[_server.Mailbox].Messages[id].Content.GetAsync())!;
        using var reader = new StreamReader(content);

        Assert.Equal(Mails.Enquiry(), await reader.ReadToEndAsync());
        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/users/{_server.Mailbox}/messages/{id}/$value", request.Path);
        Assert.StartsWith("Bearer ", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_without_immutable_ids_gives_the_message_a_new_id_and_the_old_one_finds_nothing()
    {
        var delivered = await _server.DeliverAsync(Mails.Enquiry());
        var graph = GraphClients.For(_server, immutableIds: false);
        var folder = _server.AddInboxChildFolder("Processed");

        var moved = await graph.Users[_server.Mailbox].Messages[delivered.Id].Move.PostAsync(new MovePostRequestBody { DestinationId = folder });

        Assert.NotEqual(delivered.Id, moved!.Id);
        Assert.Equal(folder, moved.ParentFolderId);
        var gone = await Assert.ThrowsAsync<ODataError>(() => graph.Users[_server.Mailbox].Messages[delivered.Id].GetAsync());
        Assert.Equal((int)HttpStatusCode.NotFound, gone.ResponseStatusCode);
        Assert.Equal("ErrorItemNotFound", gone.Error?.Code);
        Assert.Equal("Processed", _server.FolderOf(moved.Id!));
    }

    [Fact]
    public async Task Moving_with_immutable_ids_keeps_the_id_the_client_knows()
    {
        var id = _server.StageMessage(Mails.Enquiry());
        var graph = GraphClients.For(_server);
        var folder = _server.AddInboxChildFolder("Processed");
        var regularBefore = _server.RegularIdOf(id);

        var moved = await graph.Users[_server.Mailbox].Messages[id].Move.PostAsync(new MovePostRequestBody { DestinationId = folder });

        Assert.Equal(id, moved!.Id);
        Assert.NotEqual(regularBefore, _server.RegularIdOf(id));
        var again = await graph.Users[_server.Mailbox].Messages[id].GetAsync();
        Assert.Equal(folder, again!.ParentFolderId);
    }

    [Fact]
    public async Task A_client_without_the_preference_sees_regular_ids_and_one_with_it_immutable_ids()
    {
        var delivered = await _server.DeliverAsync(Mails.Enquiry());

        var plain = await GraphClients.For(_server, immutableIds: false).Users[_server.Mailbox].MailFolders["inbox"].Messages.GetAsync();
        var immutable = await GraphClients.For(_server).Users[_server.Mailbox].MailFolders["inbox"].Messages.GetAsync();

        Assert.Equal(delivered.Id, Assert.Single(plain!.Value!).Id);
        Assert.Equal(delivered.ImmutableId, Assert.Single(immutable!.Value!).Id);
        Assert.Equal("<visit-1@liaoyang.example.cn>", immutable.Value![0].InternetMessageId);
        Assert.Equal("Delegation visit 1", immutable.Value[0].Subject);
        Assert.Equal("li.wei@liaoyang.example.cn", immutable.Value[0].From?.EmailAddress?.Address);
    }

    [Fact]
    public async Task The_mail_routes_of_an_unknown_user_are_ErrorInvalidUser_and_of_another_user_ErrorAccessDenied()
    {
        _server.AddUser("mei.chen@onepointentry.example");
        var graph = GraphClients.For(_server);

        var unknown = await Assert.ThrowsAsync<ODataError>(() => graph.Users["nobody@onepointentry.example"].Messages.GetAsync());
        var other = await Assert.ThrowsAsync<ODataError>(() => graph.Users["mei.chen@onepointentry.example"].Messages.GetAsync());

        Assert.Equal((404, "ErrorInvalidUser"), (unknown.ResponseStatusCode, unknown.Error?.Code));
        Assert.Equal((403, "ErrorAccessDenied"), (other.ResponseStatusCode, other.Error?.Code));
    }

    [Fact]
    public async Task Child_folders_are_found_by_display_name_and_a_second_one_of_the_same_name_is_refused()
    {
        var graph = GraphClients.For(_server);
        var inbox = graph.Users[_server.Mailbox].MailFolders["inbox"].ChildFolders;

        var created = await inbox.PostAsync(new MailFolder { DisplayName = "Processed" });
        var found = await inbox.GetAsync(request => request.QueryParameters.Filter = "displayName eq 'Processed'");
        var none = await inbox.GetAsync(request => request.QueryParameters.Filter = "displayName eq 'Elsewhere'");
        var twice = await Assert.ThrowsAsync<ODataError>(() => inbox.PostAsync(new MailFolder { DisplayName = "processed" }));

        Assert.Equal(created!.Id, Assert.Single(found!.Value!).Id);
        Assert.Empty(none!.Value!);
        Assert.Equal((409, "ErrorFolderExists"), (twice.ResponseStatusCode, twice.Error?.Code));
        Assert.Equal(created.Id, Assert.Single(_server.InboxChildFolders).Id);
    }
}
