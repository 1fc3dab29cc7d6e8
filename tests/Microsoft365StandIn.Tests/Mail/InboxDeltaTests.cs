using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Mail;

/// <summary>The inbox delta query as Graph pages it: nextLinks to a deltaLink, then only what changed, with <c>@removed</c>.</summary>
public sealed class InboxDeltaTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_through_nextLinks_to_a_deltaLink_then_lists_only_new_mail_and_a_move_as_removed()
    {
        _server.DeltaPageSize = 2;
        var staged = Enumerable.Range(1, 5).Select(number => _server.StageMessage(Mails.Enquiry(number))).ToList();
        var graph = GraphClients.For(_server);
        var delta = graph.Users[_server.Mailbox].MailFolders["inbox"].Messages.Delta;

        var pages = new List<Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta.DeltaGetResponse>();
        var page = await delta.GetAsDeltaGetResponseAsync(request => request.QueryParameters.Select = ["id"]);
        pages.Add(page!);
        while (page!.OdataNextLink is { } next)
        {
            Assert.Null(page.OdataDeltaLink);
            page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            pages.Add(page!);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(staged, pages.SelectMany(each => each.Value!).Select(message => message.Id));
        Assert.Contains("$skiptoken=", pages[0].OdataNextLink, StringComparison.Ordinal);
        Assert.Null(pages[0].Value![0].Subject);
        var deltaLink = page.OdataDeltaLink!;
        Assert.Contains("$deltatoken=", deltaLink, StringComparison.Ordinal);

        var processed = _server.AddInboxChildFolder("Processed");
        await graph.Users[_server.Mailbox].Messages[staged[0]].Move.PostAsync(new MovePostRequestBody { DestinationId = processed });
        var later = _server.StageMessage(Mails.Enquiry(6));

        var changes = await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();

        Assert.NotNull(changes!.OdataDeltaLink);
        Assert.Equal(2, changes.Value!.Count);
        var removed = changes.Value.Single(message => message.AdditionalData.ContainsKey("@removed"));
        Assert.Equal(staged[0], removed.Id);
        Assert.Equal(later, changes.Value.Single(message => !message.AdditionalData.ContainsKey("@removed")).Id);

        var nothing = await delta.WithUrl(changes.OdataDeltaLink).GetAsDeltaGetResponseAsync();
        Assert.Empty(nothing!.Value!);
    }

    [Fact]
    public async Task Without_immutable_ids_a_moved_message_is_removed_under_the_id_it_had_in_the_inbox()
    {
        var delivered = await _server.DeliverAsync(Mails.Enquiry());
        var graph = GraphClients.For(_server, immutableIds: false);
        var delta = graph.Users[_server.Mailbox].MailFolders["inbox"].Messages.Delta;
        var first = await delta.GetAsDeltaGetResponseAsync();
        Assert.Equal(delivered.Id, Assert.Single(first!.Value!).Id);

        await graph.Users[_server.Mailbox].Messages[delivered.Id].Move.PostAsync(new MovePostRequestBody { DestinationId = "deleteditems" });
        var changes = await delta.WithUrl(first.OdataDeltaLink).GetAsDeltaGetResponseAsync();

        var removed = Assert.Single(changes!.Value!);
        Assert.Equal(delivered.Id, removed.Id);
        Assert.True(removed.AdditionalData.ContainsKey("@removed"));
        Assert.Equal("Deleted Items", _server.FolderOf(delivered.ImmutableId));
    }

    [Fact]
    public async Task A_page_can_be_asked_for_again_after_a_failed_answer()
    {
        _server.DeltaPageSize = 1;
        _server.StageMessage(Mails.Enquiry(1));
        _server.StageMessage(Mails.Enquiry(2));
        var client = GraphClients.Raw(_server);
        var first = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"v1.0/users/{_server.Mailbox}/mailFolders/inbox/messages/delta"))!;
        var next = first["@odata.nextLink"]!.GetValue<string>();

        var once = await client.GetStringAsync(next);
        var twice = await client.GetStringAsync(next);

        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(once)!["value"]!.ToJsonString(), System.Text.Json.Nodes.JsonNode.Parse(twice)!["value"]!.ToJsonString());
    }
}
