using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft365StandIn;
using OnePointEntry.Functions.Mail;
using OnePointEntry.Integration.Tests.Graph;
using OnePointEntry.Mail;

namespace OnePointEntry.Integration.Tests.Mail;

public sealed class MailFunctionsTests : IAsyncLifetime
{
    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly StorageFixture _storage;

    public MailFunctionsTests()
    {
        _storage = new StorageFixture(_m365);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
        _m365.Dispose();
    }

    internal static string Mime(string messageId, string from = "Wang Lei <wang.lei@example.cn>", string? extraHeader = null)
    {
        var body = "尊敬的先生/女士：\n辽宁省辽阳市人民政府代表团一行5人计划于2027年3月10日至12日访问哥本哈根，希望了解皮草产业和貂皮拍卖。\n王磊";
        var lines = new List<string>
        {
            $"From: {from}",
            "To: delegations@onepointentry.test",
            $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("代表团访问请求"))}?=",
            "Date: Tue, 24 Nov 2026 09:00:00 +0800",
            $"Message-ID: <{messageId}>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        };
        if (extraHeader is not null)
        {
            lines.Add(extraHeader);
        }

        lines.Add(string.Empty);
        lines.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)));
        return string.Join("\r\n", lines) + "\r\n";
    }

    [Fact]
    public async Task The_validation_handshake_echoes_the_token_as_plain_text()
    {
        var request = HttpRequests.Get("/api/mail/notifications", "?validationToken=Validation%3A%20Testing%20client%20application");
        request.Method = HttpMethods.Post;

        var result = await _storage.Create<ReceiveMailNotifications>().Run(request, CancellationToken.None);
        var (status, contentType, body) = await ExecuteTextAsync(result, request);

        Assert.Equal(200, status);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Equal("Validation: Testing client application", body);
    }

    [Fact]
    public async Task A_validation_token_longer_than_graph_sends_is_not_echoed()
    {
        var request = HttpRequests.Get("/api/mail/notifications", "?validationToken=" + new string('a', ReceiveMailNotifications.MaxValidationTokenLength + 1));
        request.Method = HttpMethods.Post;

        var (status, _, contentType, body) = await (await _storage.Create<ReceiveMailNotifications>().Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Genuine_notifications_are_queued_and_a_wrong_client_state_is_dropped()
    {
        var request = Notifications(("AAMk-1", StorageFixture.ClientState), ("AAMk-2", "forged"), ("AAMk-3", StorageFixture.ClientState));

        var result = await _storage.Create<ReceiveMailNotifications>().Run(request, CancellationToken.None);

        Assert.Equal(202, Assert.IsType<StatusCodeResult>(result).StatusCode);
        var queued = await _storage.QueuedMessagesAsync(_storage.Names.MailIntakeQueue);
        Assert.Equal(["AAMk-1", "AAMk-3"], queued.Select(MailQueueMessages.ParseMessage));
        Assert.Empty(_m365.Requests);
    }

    [Fact]
    public async Task A_mailbox_message_becomes_a_stored_enquiry_filed_as_processed_with_one_reply()
    {
        var id = _m365.StageMessage(Mime("fur-1@mail.example.cn"));
        var takeIn = _storage.Create<TakeInMail>();

        await takeIn.Run(MailQueueMessages.ForMessage(id), CancellationToken.None);
        Assert.Empty(_m365.SentMail);
        Assert.Equal(1, await _storage.DeliverQueuedAsync());

        var stored = Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Equal("Mail", stored.GetString("Source"));
        Assert.Equal("Received", stored.GetString("Status"));
        Assert.Equal("CN", stored.GetString("Country"));
        Assert.Equal(5, stored.GetInt32("DelegationSize"));
        Assert.Equal("2027-03-10", stored.GetString("ArrivalDate"));
        Assert.Equal("fur-industry", stored.GetString("RequestedThemes"));
        Assert.Equal("Processed", _m365.FolderOf(id));
        Assert.Single(_m365.RequestsTo("POST", $"/messages/{id}/createReply"));
        var reply = Assert.Single(_m365.SentMail);
        Assert.Equal(id, reply.InReplyToMessageId);
        Assert.Contains(stored.RowKey, reply.Text, StringComparison.Ordinal);
        Assert.Single(await _storage.QueuedMessagesAsync());
    }

    [Fact]
    public async Task A_message_announced_twice_and_found_by_the_catch_up_is_one_enquiry_with_one_reply()
    {
        var id = _m365.StageMessage(Mime("fur-2@mail.example.cn"));
        var notifications = Notifications((id, StorageFixture.ClientState), (id, StorageFixture.ClientState));
        await _storage.Create<ReceiveMailNotifications>().Run(notifications, CancellationToken.None);
        await _storage.Create<HandleMailLifecycleEvent>().Run(MailQueueMessages.ForLifecycleEvent("missed"), CancellationToken.None);
        var queued = await _storage.QueuedMessagesAsync(_storage.Names.MailIntakeQueue);
        Assert.Equal(3, queued.Count);

        var takeIn = _storage.Create<TakeInMail>();
        foreach (var message in queued)
        {
            await takeIn.Run(message, CancellationToken.None);
        }

        await _storage.DeliverQueuedAsync();
        Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Single(_m365.RequestsTo("POST", $"/messages/{id}/createReply"));
        Assert.Single(_m365.SentMail);
    }

    [Fact]
    public async Task A_mail_that_cannot_be_parsed_is_kept_for_manual_review_and_stays_in_the_inbox()
    {
        // Exchange delivers a mail with nothing in it to read (no subject, no text); the app's parser refuses it.
        var id = _m365.StageMessage("From: someone@example.cn\r\nMessage-ID: <empty-1@mail.example.cn>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n");

        await _storage.Create<TakeInMail>().Run(MailQueueMessages.ForMessage(id), CancellationToken.None);

        var stored = Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Equal("NeedsManualReview", stored.GetString("Status"));
        Assert.Contains("could not be read", stored.GetString("ManualReviewReason"), StringComparison.Ordinal);
        Assert.Equal("Inbox", _m365.FolderOf(id));
        Assert.Equal(0, await _storage.DeliverQueuedAsync());
        Assert.Empty(_m365.SentMail);
        Assert.Empty(await _storage.QueuedMessagesAsync());
    }

    [Fact]
    public async Task A_message_deleted_before_it_was_read_is_nothing_to_take_in()
    {
        var id = _m365.StageMessage(Mime("deleted-1@mail.example.cn"));
        _m365.DeleteMessage(id);

        await _storage.Create<TakeInMail>().Run(MailQueueMessages.ForMessage(id), CancellationToken.None);

        Assert.Empty(await _storage.StoredEnquiriesAsync());
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Precedence: bulk")]
    public async Task Automated_mail_is_taken_in_but_never_answered(string header)
    {
        var id = _m365.StageMessage(Mime("auto-1@mail.example.cn", extraHeader: header));

        await _storage.Create<TakeInMail>().Run(MailQueueMessages.ForMessage(id), CancellationToken.None);

        Assert.Single(await _storage.StoredEnquiriesAsync());
        Assert.Equal(0, await _storage.DeliverQueuedAsync());
        Assert.Empty(_m365.SentMail);
    }

    [Fact]
    public async Task Raw_mail_from_a_relay_is_taken_in_and_acknowledged_through_the_sending_port()
    {
        var request = HttpRequests.Raw(Mime("relay-1@mail.example.cn"), "message/rfc822");

        var (status, _, _, body) = await (await _storage.Create<PostRawMail>().Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(202, status);
        var reference = body.GetProperty("reference").GetString()!;
        Assert.Equal(reference, Assert.Single(await _storage.StoredEnquiriesAsync()).RowKey);
        Assert.Equal(1, await _storage.DeliverQueuedAsync());
        var sent = Assert.Single(_m365.SentMail);
        Assert.Equal(["wang.lei@example.cn"], sent.To);
        Assert.Contains(reference, sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_mail_of_another_content_type_is_a_415()
    {
        var request = HttpRequests.Raw(Mime("relay-2@mail.example.cn"), "text/plain");

        var (status, _, contentType, _) = await (await _storage.Create<PostRawMail>().Run(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(415, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Empty(await _storage.StoredEnquiriesAsync());
    }

    private static HttpRequest Notifications(params (string Id, string ClientState)[] notifications)
    {
        var body = JsonSerializer.Serialize(new
        {
            value = notifications.Select(n => new
            {
                subscriptionId = "sub-1",
                clientState = n.ClientState,
                changeType = "created",
                resource = $"Users/abc/Messages/{n.Id}",
                resourceData = new Dictionary<string, string> { ["@odata.type"] = "#Microsoft.Graph.Message", ["id"] = n.Id },
            }),
        });
        return HttpRequests.Raw(body, "application/json");
    }

    private static async Task<(int Status, string ContentType, string Body)> ExecuteTextAsync(IActionResult result, HttpRequest request)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        request.HttpContext.Response.Body.Position = 0;
        using var reader = new StreamReader(request.HttpContext.Response.Body);
        return (request.HttpContext.Response.StatusCode, request.HttpContext.Response.ContentType ?? string.Empty, await reader.ReadToEndAsync());
    }
}
