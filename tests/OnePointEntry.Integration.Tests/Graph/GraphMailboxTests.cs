using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Integration.Tests.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Integration.Tests.Graph;

/// <summary>The real Graph SDK and <see cref="GraphMailbox"/> over HTTP against <see cref="StandInServer"/>.</summary>
public sealed class GraphMailboxTests : IDisposable
{
    private const string Mime = "From: Li Wei <li.wei@liaoyang.example.cn>\r\nTo: delegations@onepointentry.test\r\nSubject: Delegation visit\r\nMessage-ID: <visit-1@liaoyang.example.cn>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nWe would like to visit Glostrup.\r\n";

    // No app listens for the subscription's validation handshake: the recorder answers it as the app would.
    private readonly StandInServer _m365 = StandInServer.Start(new() { NotificationHandler = new NotificationRecorder() });
    private readonly StandInTokenCredential _credential;
    private readonly IHost _host;

    public GraphMailboxTests()
    {
        _credential = _m365.CreateCredential();
        _host = MailTestHost.Build(_m365.Settings, _credential);
        Mailbox = _host.Services.GetRequiredService<IMailbox>();
    }

    private IMailbox Mailbox { get; }

    [Fact]
    public async Task Opens_the_messages_MIME_content_with_the_apps_token_and_immutable_ids()
    {
        var id = _m365.StageMessage(Mime);

        await using var content = (await Mailbox.OpenMimeAsync(id, CancellationToken.None))!;
        using var reader = new StreamReader(content);

        Assert.Equal(Mime, await reader.ReadToEndAsync());
        var request = Assert.Single(_m365.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/users/{_m365.Mailbox}/messages/{id}/$value", request.Path);
        Assert.Equal($"Bearer {_credential.LastToken}", request.Headers["Authorization"]);
        Assert.Contains("IdType=\"ImmutableId\"", request.Headers["Prefer"], StringComparison.Ordinal);
        Assert.Contains(new Uri(_m365.GraphBaseUrl, "/.default").AbsoluteUri, _credential.RequestedScopes);
    }

    [Fact]
    public async Task Files_messages_into_Processed_creating_the_folder_once_and_reusing_it()
    {
        var first = _m365.StageMessage(Mime);
        var second = _m365.StageMessage(Mime.Replace("visit-1", "visit-2", StringComparison.Ordinal));

        await Mailbox.MoveToProcessedAsync(first, CancellationToken.None);
        await Mailbox.MoveToProcessedAsync(second, CancellationToken.None);

        var folder = Assert.Single(_m365.InboxChildFolders);
        Assert.Equal("Processed", folder.DisplayName);
        Assert.Equal("Processed", _m365.FolderOf(first));
        Assert.Equal("Processed", _m365.FolderOf(second));
        var lookUp = Assert.Single(_m365.RequestsTo("GET", "/mailFolders/inbox/childFolders$"));
        Assert.Equal("displayName eq 'Processed'", lookUp.Query["$filter"].ToString());
        var create = Assert.Single(_m365.RequestsTo("POST", "/mailFolders/inbox/childFolders$"));
        Assert.Equal("Processed", create.Json?["displayName"]?.GetValue<string>());
        var moves = _m365.RequestsTo("POST", "/move$");
        Assert.Equal(2, moves.Count);
        Assert.All(moves, move => Assert.Equal(folder.Id, move.Json?["destinationId"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_Processed_folder_made_by_hand_is_used_and_not_made_again()
    {
        var existing = _m365.AddInboxChildFolder("Processed");
        var id = _m365.StageMessage(Mime);

        await Mailbox.MoveToProcessedAsync(id, CancellationToken.None);

        Assert.Empty(_m365.RequestsTo("POST", "/childFolders$"));
        Assert.Equal(existing, Assert.Single(_m365.RequestsTo("POST", "/move$")).Json?["destinationId"]?.GetValue<string>());
    }

    [Fact]
    public async Task Filing_a_message_twice_keeps_its_id_and_succeeds_both_times()
    {
        var id = _m365.StageMessage(Mime);

        await Mailbox.MoveToProcessedAsync(id, CancellationToken.None);
        await Mailbox.MoveToProcessedAsync(id, CancellationToken.None);

        Assert.Equal("Processed", _m365.FolderOf(id));
        await using var content = (await Mailbox.OpenMimeAsync(id, CancellationToken.None))!;
        Assert.True(content.ReadByte() >= 0);
    }

    [Fact]
    public async Task Filing_a_message_that_is_gone_logs_a_warning_and_does_not_fail()
    {
        var kept = _m365.StageMessage(Mime);
        await Mailbox.MoveToProcessedAsync(kept, CancellationToken.None);
        var gone = _m365.StageMessage(Mime);
        _m365.DeleteMessage(gone);

        await Mailbox.MoveToProcessedAsync(gone, CancellationToken.None);

        Assert.Equal(2, _m365.RequestsTo("POST", $"/messages/{gone}/move$").Count);
        Assert.Equal(2, _m365.RequestsTo("GET", "/childFolders$").Count);
        var warning = Assert.Single(_host.Services.GetFakeLogCollector().GetSnapshot(), record => record.Level == LogLevel.Warning && record.Category == typeof(GraphMailbox).FullName);
        Assert.Contains(gone, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_error_while_filing_is_not_swallowed()
    {
        var id = _m365.StageMessage(Mime);
        _m365.FailNext("POST", "/move$", 403, "ErrorAccessDenied");

        var error = await Assert.ThrowsAsync<ODataError>(() => Mailbox.MoveToProcessedAsync(id, CancellationToken.None));

        Assert.Equal("ErrorAccessDenied", error.Error?.Code);
        Assert.Equal("Inbox", _m365.FolderOf(id));
    }

    [Fact]
    public async Task Replies_in_the_thread_with_the_html_body_alone_once_however_often_it_is_asked()
    {
        var id = _m365.StageMessage(Mime);
        const string html = "<html><body><p>Tak for din henvendelse. Reference <b>OPE-2611-7K3F</b>.</p></body></html>";
        var progress = new KeptProgress("OPE-2611-7K3F~Acknowledgement");

        await Mailbox.ReplyAsync(id, html, progress, CancellationToken.None);
        await Mailbox.ReplyAsync(id, html, progress, CancellationToken.None);

        Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/messages/{id}/createReply$"));
        var patch = Assert.Single(_m365.RequestsTo("PATCH", $"^/users/{_m365.Mailbox}/messages/{progress.Checkpoint}$"));
        Assert.Equal("html", patch.Json!["body"]?["contentType"]?.GetValue<string>());
        Assert.Equal(html, patch.Json!["body"]?["content"]?.GetValue<string>());
        var reply = Assert.Single(_m365.SentMail);
        Assert.Equal("reply", reply.Kind);
        Assert.Equal(id, reply.InReplyToMessageId);
        Assert.Equal(html, reply.Html);
        Assert.StartsWith("RE:", reply.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_delta_link_kept_from_another_Graph_is_not_followed_and_the_inbox_is_read_from_the_start()
    {
        var staged = _m365.StageMessage(Mime);

        var changes = await Mailbox.ReadInboxChangesAsync("http://127.0.0.1:9/v1.0/users/x/mailFolders('inbox')/messages/delta?$deltatoken=7", CancellationToken.None);

        Assert.Equal([staged], changes.MessageIds);
        Assert.StartsWith(_m365.GraphBaseUrl.AbsoluteUri, changes.DeltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_inbox_delta_page_by_page_to_the_delta_link_then_only_what_changed()
    {
        _m365.DeltaPageSize = 2;
        var staged = Enumerable.Range(1, 5).Select(n => _m365.StageMessage(Mime.Replace("visit-1", $"visit-{n}", StringComparison.Ordinal))).ToList();

        var first = await Mailbox.ReadInboxChangesAsync(deltaLink: null, CancellationToken.None);

        Assert.Equal(staged, first.MessageIds);
        Assert.Contains("$deltatoken=", first.DeltaLink, StringComparison.Ordinal);
        var pages = _m365.RequestsTo("GET", "/messages/delta");
        Assert.Equal(3, pages.Count);
        Assert.Equal("id", pages[0].Query["$select"].ToString());
        Assert.True(pages[1].Query.ContainsKey("$skiptoken"));
        Assert.True(pages[2].Query.ContainsKey("$skiptoken"));

        _m365.DeleteMessage(staged[0]);
        var later = _m365.StageMessage(Mime.Replace("visit-1", "visit-6", StringComparison.Ordinal));

        var next = await Mailbox.ReadInboxChangesAsync(first.DeltaLink, CancellationToken.None);

        Assert.Equal([later], next.MessageIds);
        Assert.NotEqual(first.DeltaLink, next.DeltaLink);
        var nothing = await Mailbox.ReadInboxChangesAsync(next.DeltaLink, CancellationToken.None);
        Assert.Empty(nothing.MessageIds);
    }

    [Fact]
    public async Task Creates_the_inbox_subscription_and_keeps_its_expiry_within_Graphs_limit()
    {
        var request = new MailboxSubscriptionRequest(
            new Uri("https://ope-func.example.net/api/mail/notifications"),
            new Uri("https://ope-func.example.net/api/mail/lifecycle"),
            "client-state-secret",
            DateTimeOffset.UtcNow.AddDays(30));

        var subscription = await Mailbox.CreateSubscriptionAsync(request, CancellationToken.None);

        var created = Assert.Single(_m365.Subscriptions);
        Assert.Equal(created.Id, subscription.Id);
        Assert.Equal("created", created.ChangeType);
        Assert.Equal($"users/{_m365.Mailbox}/mailFolders('inbox')/messages", created.Resource);
        Assert.Equal("https://ope-func.example.net/api/mail/notifications", created.NotificationUrl);
        Assert.Equal("https://ope-func.example.net/api/mail/lifecycle", created.LifecycleNotificationUrl);
        Assert.Equal("client-state-secret", created.ClientState);
        Assert.InRange(subscription.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(10_000), DateTimeOffset.UtcNow.AddMinutes(10_070));
        Assert.Contains("IdType=\"ImmutableId\"", Assert.Single(_m365.RequestsTo("POST", "^/subscriptions$")).Headers["Prefer"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renews_a_subscription_and_answers_null_once_Graph_no_longer_has_it()
    {
        var subscription = await Mailbox.CreateSubscriptionAsync(
            new MailboxSubscriptionRequest(new Uri("https://ope.example.net/n"), new Uri("https://ope.example.net/l"), "s", DateTimeOffset.UtcNow.AddDays(1)),
            CancellationToken.None);
        var wanted = DateTimeOffset.UtcNow.AddDays(3);

        var renewed = await Mailbox.RenewSubscriptionAsync(subscription.Id, wanted, CancellationToken.None);

        Assert.NotNull(renewed);
        Assert.Equal(subscription.Id, renewed.Id);
        Assert.Equal(wanted.ToUnixTimeSeconds(), renewed.ExpiresAt.ToUnixTimeSeconds());
        var patch = Assert.Single(_m365.RequestsTo("PATCH", $"^/subscriptions/{subscription.Id}$"));
        Assert.NotNull(patch.Json?["expirationDateTime"]);

        _m365.RemoveSubscription(subscription.Id);

        Assert.Null(await Mailbox.RenewSubscriptionAsync(subscription.Id, wanted, CancellationToken.None));
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_time_Graph_asks_for()
    {
        var id = _m365.StageMessage(Mime);
        _m365.FailNext("GET", @"/\$value$", 429, "ApplicationThrottled", retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await using var content = (await Mailbox.OpenMimeAsync(id, CancellationToken.None))!;

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        var attempts = _m365.RequestsTo("GET", @"/\$value$");
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9));
        Assert.Equal("1", attempts[1].Headers["Retry-Attempt"]);
    }

    [Fact]
    public async Task A_service_unavailable_answer_is_retried()
    {
        _m365.StageMessage(Mime);
        _m365.FailNext("GET", "/messages/delta", 503, "ServiceUnavailable", retryAfter: TimeSpan.Zero);

        var changes = await Mailbox.ReadInboxChangesAsync(deltaLink: null, CancellationToken.None);

        Assert.Single(changes.MessageIds);
        Assert.Equal(2, _m365.RequestsTo("GET", "/messages/delta").Count);
    }

    public void Dispose()
    {
        _host.Dispose();
        _credential.Dispose();
        _m365.Dispose();
    }
}
