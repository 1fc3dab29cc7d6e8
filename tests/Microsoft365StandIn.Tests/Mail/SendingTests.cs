using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Messages.Item.Reply;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft365StandIn.Tests.Support;
using MimeKit;

namespace Microsoft365StandIn.Tests.Mail;

/// <summary><c>sendMail</c> and <c>reply</c>: what lands in Sent Items, and what the recipient gets.</summary>
public sealed class SendingTests : IAsyncLifetime
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7, 7];

    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task sendMail_lands_in_Sent_Items_with_its_internet_message_headers_and_inline_image()
    {
        var graph = GraphClients.For(_server);

        await graph.Users[_server.Mailbox].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = Message("Monthly statistics", "<p>The chart:</p><img src=\"cid:chart\">", "X-OPE-Outbox-Id", "outbox-1"),
            SaveToSentItems = true,
        });

        var page = await graph.Users[_server.Mailbox].MailFolders["sentitems"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Select = ["subject", "internetMessageHeaders", "toRecipients"];
            request.QueryParameters.Orderby = ["sentDateTime desc"];
        });
        var sent = Assert.Single(page!.Value!);
        Assert.Equal("Monthly statistics", sent.Subject);
        Assert.Equal("management@onepointentry.example", Assert.Single(sent.ToRecipients!).EmailAddress?.Address);
        Assert.Contains(sent.InternetMessageHeaders!, header => header.Name == "X-OPE-Outbox-Id" && header.Value == "outbox-1");

        var item = Assert.Single(_server.SentMail);
        Assert.Equal("sendMail", item.Kind);
        Assert.Equal(_server.Mailbox, item.From);
        Assert.Equal("outbox-1", item.Headers["X-OPE-Outbox-Id"]);
        Assert.Equal("The chart:", item.Text);
        var image = Assert.Single(item.InlineImages);
        Assert.Equal(("chart", "image/png", Convert.ToBase64String(s_png)), (image.ContentId, image.ContentType, image.ContentBytes));
    }

    [Fact]
    public async Task Sent_Items_are_paged_newest_first_so_a_sender_can_look_for_a_mail_it_sent_before()
    {
        var graph = GraphClients.For(_server);
        for (var number = 1; number <= 3; number++)
        {
            await graph.Users[_server.Mailbox].SendMail.PostAsync(new SendMailPostRequestBody { Message = Message($"Report {number}", "<p>x</p>", "X-OPE-Outbox-Id", $"outbox-{number}"), SaveToSentItems = true });
        }

        var sentItems = graph.Users[_server.Mailbox].MailFolders["sentitems"].Messages;
        var page = await sentItems.GetAsync(request =>
        {
            request.QueryParameters.Select = ["internetMessageHeaders"];
            request.QueryParameters.Orderby = ["sentDateTime desc"];
            request.QueryParameters.Top = 2;
        });
        var ids = new List<string?>();
        while (true)
        {
            ids.AddRange(page!.Value!.Select(message => message.InternetMessageHeaders!.Single(header => header.Name == "X-OPE-Outbox-Id").Value));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await sentItems.WithUrl(next).GetAsync();
        }

        Assert.Equal(["outbox-3", "outbox-2", "outbox-1"], ids);
    }

    [Fact]
    public async Task Without_saveToSentItems_the_mail_is_sent_but_not_kept_in_Sent_Items()
    {
        var graph = GraphClients.For(_server);

        await graph.Users[_server.Mailbox].SendMail.PostAsync(new SendMailPostRequestBody { Message = Message("Hello", "<p>x</p>", "X-Kind", "test"), SaveToSentItems = false });

        Assert.Single(_server.SentMail);
        Assert.Empty((await graph.Users[_server.Mailbox].MailFolders["sentitems"].Messages.GetAsync())!.Value!);
    }

    [Fact]
    public async Task A_header_whose_name_does_not_start_with_x_is_refused()
    {
        var graph = GraphClients.For(_server);

        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users[_server.Mailbox].SendMail.PostAsync(
            new SendMailPostRequestBody { Message = Message("Hello", "<p>x</p>", "Outbox-Id", "1") }));

        Assert.Equal((400, "InvalidInternetMessageHeader"), (refused.ResponseStatusCode, refused.Error?.Code));
        Assert.Empty(_server.SentMail);
    }

    [Fact]
    public async Task A_reply_goes_to_Reply_To_in_the_same_thread_and_conversation()
    {
        var original = _server.StageMessage(Mails.Enquiry(replyTo: "office@liaoyang.example.cn"));
        var graph = GraphClients.For(_server);

        await graph.Users[_server.Mailbox].Messages[original].Reply.PostAsync(new ReplyPostRequestBody
        {
            Message = new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Tak. Reference OPE-2612-7K3F.</p>" } },
        });

        var reply = Assert.Single(_server.SentMail);
        Assert.Equal("reply", reply.Kind);
        Assert.Equal(["office@liaoyang.example.cn"], reply.To);
        Assert.Equal("RE: Delegation visit 1", reply.Subject);
        Assert.Equal("<visit-1@liaoyang.example.cn>", reply.Headers["In-Reply-To"]);
        Assert.Equal("<visit-1@liaoyang.example.cn>", reply.Headers["References"]);
        Assert.Equal(original, reply.InReplyToMessageId);
        Assert.Equal("Tak. Reference OPE-2612-7K3F.", reply.Text);

        var inSent = await graph.Users[_server.Mailbox].Messages[reply.Id].GetAsync();
        var originalMessage = await graph.Users[_server.Mailbox].Messages[original].GetAsync();
        Assert.Equal(originalMessage!.ConversationId, inSent!.ConversationId);
        await using var mime = (await graph.Users[_server.Mailbox].Messages[reply.Id].Content.GetAsync())!;
        var parsed = await MimeMessage.LoadAsync(mime);
        Assert.Equal("visit-1@liaoyang.example.cn", parsed.InReplyTo);
        Assert.Equal(_server.Mailbox, parsed.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_reply_to_a_mail_with_a_GB2312_subject_keeps_the_subject_in_Chinese()
    {
        const string Mime = "From: =?gb2312?B?zfXA9g==?= <wangli@wfao.example.cn>\r\nTo: delegations@onepointentry.example\r\n" +
            "Subject: =?gb2312?B?zf66o8rQyMvD8dX+uK60+rHtzcU=?=\r\nMessage-ID: <gb@wfao.example.cn>\r\n" +
            "Content-Type: text/plain; charset=gb2312\r\n\r\nHello\r\n";
        var original = _server.StageMessage(Mime);
        var graph = GraphClients.For(_server);

        await graph.Users[_server.Mailbox].Messages[original].Reply.PostAsync(new ReplyPostRequestBody { Comment = "Thank you." });

        Assert.Equal("RE: 威海市人民政府代表团", Assert.Single(_server.SentMail).Subject);
    }

    [Fact]
    public async Task A_reply_without_Reply_To_goes_to_the_sender_and_takes_a_comment()
    {
        var original = _server.StageMessage(Mails.Enquiry());
        var graph = GraphClients.For(_server);

        await graph.Users[_server.Mailbox].Messages[original].Reply.PostAsync(new ReplyPostRequestBody { Comment = "Thank you." });

        var reply = Assert.Single(_server.SentMail);
        Assert.Equal(["li.wei@liaoyang.example.cn"], reply.To);
        Assert.Equal("Thank you.", reply.Text);
    }

    [Fact]
    public async Task A_reply_with_both_a_comment_and_a_body_is_refused_as_Graph_documents()
    {
        var original = _server.StageMessage(Mails.Enquiry());
        var graph = GraphClients.For(_server);

        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users[_server.Mailbox].Messages[original].Reply.PostAsync(new ReplyPostRequestBody
        {
            Comment = "Thank you.",
            Message = new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Thank you.</p>" } },
        }));

        Assert.Equal((int)HttpStatusCode.BadRequest, refused.ResponseStatusCode);
        Assert.Empty(_server.SentMail);
    }

    private static Message Message(string subject, string html, string headerName, string headerValue) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = html },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "management@onepointentry.example" } }],
        InternetMessageHeaders = [new InternetMessageHeader { Name = headerName, Value = headerValue }],
        Attachments =
        [
            new FileAttachment { Name = "chart", ContentType = "image/png", ContentBytes = s_png, ContentId = "chart", IsInline = true },
        ],
    };
}
