using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.CreateReply;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Mail;

/// <summary>
/// Drafts as Microsoft documents sending with immutable ids: make a draft, keep its id, send it, read it by that id
/// in Sent Items (<c>isDraft: false</c>). What the outbox relies on to send a mail once.
/// </summary>
public sealed class DraftTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_draft_waits_in_Drafts_until_sent_then_is_in_Sent_Items_under_the_same_immutable_id()
    {
        var graph = GraphClients.For(_server, immutableIds: true);
        var mailbox = graph.Users[_server.Mailbox];

        var draft = await mailbox.Messages.PostAsync(new Message
        {
            Subject = "Statistics November 2026",
            Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Twelve delegations.</p>" },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "management@onepointentry.example" } }],
            InternetMessageHeaders = [new InternetMessageHeader { Name = "X-OPE-Delivery", Value = "report-2026-11~ReportMail" }],
        });

        Assert.True(draft!.IsDraft);
        Assert.Equal("Drafts", _server.FolderOf(draft.Id!));
        Assert.Empty(_server.SentMail);

        await mailbox.Messages[draft.Id].Send.PostAsync();

        var sent = await mailbox.Messages[draft.Id].GetAsync(request => request.QueryParameters.Select = ["id", "isDraft"]);
        Assert.False(sent!.IsDraft);
        Assert.Equal("Sent Items", _server.FolderOf(draft.Id!));
        var item = Assert.Single(_server.SentMail);
        Assert.Equal("sendMail", item.Kind);
        Assert.Equal("report-2026-11~ReportMail", item.Headers["X-OPE-Delivery"]);
        Assert.Equal(["management@onepointentry.example"], item.To);
    }

    [Fact]
    public async Task Sending_what_is_no_longer_a_draft_is_refused_and_sends_nothing_more()
    {
        var graph = GraphClients.For(_server, immutableIds: true);
        var mailbox = graph.Users[_server.Mailbox];
        var draft = await mailbox.Messages.PostAsync(new Message
        {
            Subject = "Once",
            Body = new ItemBody { ContentType = BodyType.Text, Content = "Once." },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "management@onepointentry.example" } }],
        });
        await mailbox.Messages[draft!.Id].Send.PostAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => mailbox.Messages[draft.Id].Send.PostAsync());

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("ErrorInvalidOperation", error.Error?.Code);
        Assert.Single(_server.SentMail);
    }

    [Fact]
    public async Task A_reply_draft_is_addressed_in_the_thread_takes_its_body_by_patch_and_is_sent_as_a_reply()
    {
        var original = _server.StageMessage(Mails.Enquiry(replyTo: "office@liaoyang.example.cn"));
        var graph = GraphClients.For(_server, immutableIds: true);
        var mailbox = graph.Users[_server.Mailbox];

        var draft = await mailbox.Messages[original].CreateReply.PostAsync(new CreateReplyPostRequestBody());
        Assert.True(draft!.IsDraft);
        Assert.Equal("RE: Delegation visit 1", draft.Subject);
        Assert.Equal("office@liaoyang.example.cn", Assert.Single(draft.ToRecipients!).EmailAddress?.Address);

        var patched = await mailbox.Messages[draft.Id].PatchAsync(new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Tak. Reference OPE-2612-7K3F.</p>" } });
        Assert.Equal(draft.Id, patched!.Id);
        await mailbox.Messages[draft.Id].Send.PostAsync();

        var reply = Assert.Single(_server.SentMail);
        Assert.Equal("reply", reply.Kind);
        Assert.Equal(original, reply.InReplyToMessageId);
        Assert.Equal("<visit-1@liaoyang.example.cn>", reply.Headers["In-Reply-To"]);
        Assert.Equal("Tak. Reference OPE-2612-7K3F.", reply.Text);
        Assert.Equal("Sent Items", _server.FolderOf(draft.Id!));
    }
}
