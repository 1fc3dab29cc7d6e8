using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using LocalFunctionsHost.Testing;
using Microsoft365StandIn;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// Mail as it reaches the shared mailbox: delivered to the Microsoft 365 stand-in's inbox, announced to the app by
/// Graph's change notification on the subscription the app made, taken in, acknowledged, screened and routed; and
/// the subscription kept alive through lifecycle events, renewal and a silent loss.
/// </summary>
[Collection(FunctionAppCollection.Name)]
public sealed partial class MailFlowTests(FunctionAppFixture app)
{
    [Fact]
    public async Task Graphs_validation_handshake_is_answered_with_the_token()
    {
        using var response = await app.Client.PostAsync(new Uri("api/mail/notifications?validationToken=Validation%3A%20ok", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mail_delivered_to_the_inbox_is_announced_by_graph_and_becomes_a_routed_enquiry_with_one_reply_event_task_and_card()
    {
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "002-jiaxing-fur-fwd-glostrup.expected.json"))).RootElement;

        var delivered = await app.StandIn.DeliverAsync(await CorpusMailAsync("002-jiaxing-fur-fwd-glostrup.eml"));

        var reply = await WaitForReplyAsync(delivered);
        var reference = ReferenceIn(reply);
        var screened = await app.WaitForStatusAsync(reference, "Routed");
        foreach (var field in new[] { "language", "region", "city", "sector", "level", "referredBy" })
        {
            Assert.Equal(expected.GetProperty(field).GetString(), screened.GetProperty(field).GetString());
        }

        Assert.Equal(expected.GetProperty("country").GetString(), screened.GetProperty("country").GetString());
        Assert.Equal(expected.GetProperty("delegationSize").GetInt32(), screened.GetProperty("delegationSize").GetInt32());
        Assert.Equal(expected.GetProperty("arrivalDate").GetString(), screened.GetProperty("arrivalDate").GetString());
        Assert.Equal(expected.GetProperty("themes").EnumerateArray().Select(t => t.GetString()), screened.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Mail", screened.GetProperty("source").GetString());

        // It came by notification: the stand-in told the app, and the app was never told by hand.
        Assert.Contains(app.StandIn.Notifications, notification => notification.Kind == "change" && notification.Status == 202 && notification.Body?.Contains(delivered.ImmutableId, StringComparison.Ordinal) == true);

        // The sender's acknowledgement: a reply in the thread, in the enquiry's language.
        Assert.StartsWith("RE: ", reply.Subject, StringComparison.Ordinal);
        var thanks = expected.GetProperty("language").GetString() switch
        {
            "zh" => "感谢您的来函。",
            "da" => "Tak for din henvendelse.",
            _ => "Thank you for your enquiry.",
        };
        Assert.Contains(thanks, reply.Text, StringComparison.Ordinal);

        var screener = screened.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
        await app.WaitForRoutingDeliveriesAsync(reference, screener);
        Assert.Single(app.StandIn.EventsOf(screener), item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Single(app.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Single(app.StandIn.PostedMessages, message => message.ToJsonString().Contains(reference, StringComparison.Ordinal));
        Assert.Equal("Processed", app.StandIn.FolderOf(delivered.ImmutableId));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(app.StandIn.SentMail, mail => mail.InReplyToMessageId == delivered.ImmutableId);
        Assert.Contains(reference, app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tbh@glostrup.example.dk", app.Host.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Trine Bisgaard Holm", app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("嘉兴", app.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mails_country_and_dates_come_with_how_sure_the_machine_was_and_the_words_it_read_them_from()
    {
        var domain = $"e{Guid.NewGuid():N}"[..10] + ".example.cn";
        var delivered = await app.StandIn.DeliverAsync($"""
            From: Chen Jing <chen.jing@{domain}>
            To: {app.StandIn.Mailbox}
            Subject: Visit of a water delegation
            Message-ID: <{Guid.NewGuid():N}@{domain}>
            Date: {DateTimeOffset.UtcNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Dear One-Point Entry,

            We are writing on behalf of the Dalian Municipal Water Affairs Bureau. A delegation of 8 from Dalian, China
            would like to visit Copenhagen from 12 to 14 May 2027 to learn about water treatment and climate adaptation,
            and to meet utilities and municipalities in the region.

            Kind regards,
            Chen Jing

            """.ReplaceLineEndings("\r\n"));

        var reference = ReferenceIn(await WaitForReplyAsync(delivered));

        // Screened (the country is screening's code); the evidence was stored at intake. A key sees how sure and where,
        // not the words.
        var status = default(JsonElement);
        Assert.True(
            await FunctionAppFixture.WaitForAsync(async () =>
            {
                status = await StatusAsync(reference);
                return status.GetProperty("screenedAt").ValueKind == JsonValueKind.String;
            }),
            $"{reference} was not screened: {status}{Environment.NewLine}{app.Host.Output}");
        Assert.Equal(("CN", "2027-05-12", "2027-05-14"), (status.GetProperty("country").GetString(), status.GetProperty("arrivalDate").GetString(), status.GetProperty("departureDate").GetString()));
        Assert.Equal("withheld", status.GetProperty("evidenceQuotes").GetString());
        var evidence = status.GetProperty("evidence");
        foreach (var (field, value) in new[] { ("country", "CN"), ("arrivalDate", "2027-05-12"), ("departureDate", "2027-05-14") })
        {
            Assert.True(evidence.TryGetProperty(field, out var read), $"No evidence for {field}: {evidence}");
            Assert.Equal(value, read.GetProperty("value").GetString());
            Assert.InRange(read.GetProperty("confidence").GetDouble(), 0.01, 1);
            // The mail says it plainly in the sender's own words (the subject names neither).
            Assert.Equal("ownWords", read.GetProperty("part").GetString());
            Assert.Equal(JsonValueKind.Null, read.GetProperty("quote").ValueKind);
        }

        // Signed-in staff read the words, as they read the mail.
        using var staff = await app.SignedInClientAsync();
        var view = await staff.GetFromJsonAsync<JsonElement>(new Uri($"api/staff/enquiries/{reference}", UriKind.Relative));
        var facts = view.GetProperty("facts").EnumerateArray().ToDictionary(fact => fact.GetProperty("name").GetString()!, fact => fact.GetProperty("evidence"));
        Assert.Contains("China", facts["country"][0].GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Contains("May", facts["arrivalDate"][0].GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.Contains("May", facts["departureDate"][0].GetProperty("quote").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Dalian, China", app.Host.Output, StringComparison.Ordinal);
    }

    private async Task<JsonElement> StatusAsync(string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/enquiries/{reference}", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_Chinese_mail_in_GB2312_is_acknowledged_in_Chinese_under_its_own_subject_and_routed_to_a_Chinese_reader()
    {
        var delivered = await app.StandIn.DeliverAsync(await SampleMailAsync("weihai-eldercare-smart-city.gb2312.eml"));

        var reply = await WaitForReplyAsync(delivered);
        var reference = ReferenceIn(reply);
        Assert.Contains("感谢您的来函。", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("RE: 威海市人民政府", reply.Subject, StringComparison.Ordinal);
        Assert.Equal(["wangli@wfao.example.cn"], reply.To);

        var routed = await app.WaitForStatusAsync(reference, "Routed");
        Assert.Equal("zh", routed.GetProperty("language").GetString());
        Assert.Contains("Chinese", string.Join(" ", routed.GetProperty("decision").GetProperty("screener").GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString())), StringComparison.Ordinal);
        var screener = routed.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
        await app.WaitForRoutingDeliveriesAsync(reference, screener);
        Assert.Single(app.StandIn.EventsOf(screener), item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_subscription_is_kept_through_lifecycle_events_and_a_silent_loss_and_mail_is_never_missed()
    {
        // reauthorizationRequired: the app renews the subscription.
        var first = Assert.Single(app.StandIn.Subscriptions);
        Assert.Equal(FunctionAppFixture.ClientState, first.ClientState);
        var since = DateTime.UtcNow;
        app.StandIn.SendLifecycleEvent("reauthorizationRequired", first.Id);
        Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(app.StandIn.RequestsTo("PATCH", $"^/subscriptions/{first.Id}$").Any(request => request.ReceivedAt >= since))), app.Host.Output);

        // missed: the app reads the inbox's changes.
        since = DateTime.UtcNow;
        app.StandIn.SendLifecycleEvent("missed", first.Id);
        Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(app.StandIn.RequestsTo("GET", "/messages/delta").Any(request => request.ReceivedAt >= since))), app.Host.Output);

        // subscriptionRemoved: the app subscribes again, and mail arrives by notification on the new subscription.
        app.StandIn.SendLifecycleEvent("subscriptionRemoved", first.Id);
        Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(app.StandIn.Subscriptions.Count == 1 && app.StandIn.Subscriptions[0].Id != first.Id)), app.Host.Output);
        var second = Assert.Single(app.StandIn.Subscriptions);
        var announced = await app.StandIn.DeliverAsync(await SampleMailAsync("minnesota-medtech-association.eml"));
        await app.WaitForStatusAsync(ReferenceIn(await WaitForReplyAsync(announced)), "Routed");
        Assert.Contains(app.StandIn.Notifications, notification => notification.Kind == "change" && notification.SubscriptionId == second.Id);

        // Lost without a word (as when Graph drops an expired subscription): mail delivered meanwhile is announced
        // to no one. The timer, finding the subscription due for renewal, renews (404), subscribes again, and the
        // inbox's delta query takes the mail in.
        app.StandIn.RemoveSubscription(second.Id);
        var unannounced = await app.StandIn.DeliverAsync(await CorpusMailAsync("005-changchun-health-via-region-skane.eml"));
        await ExpireStoredSubscriptionAsync();
        await app.RunKeepMailboxAsync();

        var routed = await app.WaitForStatusAsync(ReferenceIn(await WaitForReplyAsync(unannounced)), "Routed");
        Assert.Equal("Jilin", routed.GetProperty("region").GetString());
        Assert.NotEmpty(app.StandIn.RequestsTo("PATCH", $"^/subscriptions/{second.Id}$"));
        var third = Assert.Single(app.StandIn.Subscriptions);
        Assert.NotEqual(second.Id, third.Id);
        Assert.Equal(FunctionAppFixture.ClientState, third.ClientState);
        Assert.DoesNotContain(app.StandIn.Notifications, notification => notification.Kind == "change" && notification.Body?.Contains(unannounced.ImmutableId, StringComparison.Ordinal) == true);
    }

    /// <summary>Makes the app's record of the subscription say it runs out within the hour, as it would two days before expiry.</summary>
    private async Task ExpireStoredSubscriptionAsync()
    {
        var table = app.Tables.GetTableClient("MailboxState");
        var state = (await table.GetEntityAsync<TableEntity>("mailbox", "inbox")).Value;
        state["SubscriptionExpiresAt"] = DateTimeOffset.UtcNow.AddHours(1);
        await table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Merge);
    }

    /// <summary>A corpus mail with a Message-ID of its own, so that it is a new mail to the app however often the tests run.</summary>
    private static async Task<byte[]> CorpusMailAsync(string name) => WithNewMessageId(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", name)));

    /// <summary>A sample mail the tool ships, with a Message-ID of its own.</summary>
    private static async Task<byte[]> SampleMailAsync(string name) => WithNewMessageId(await File.ReadAllBytesAsync(Path.Combine(AppPaths.SampleMailDirectory, name)));

    private static byte[] WithNewMessageId(byte[] mime)
    {
        // Latin-1 maps every byte to one character and back, so 8-bit bodies in any charset pass unchanged.
        var text = Encoding.Latin1.GetString(mime);
        var replaced = MessageIdHeader().Replace(text, $"Message-ID: <{Guid.NewGuid():N}@end-to-end.example>", 1);
        Assert.NotEqual(text, replaced);
        return Encoding.Latin1.GetBytes(replaced);
    }

    private static string ReferenceIn(SentMailItem reply)
    {
        var match = Reference().Match(reply.Text);
        Assert.True(match.Success, $"the reply names no reference: {reply.Text}");
        return match.Value;
    }

    private async Task<SentMailItem> WaitForReplyAsync(DeliveredMessage delivered)
    {
        SentMailItem? reply = null;
        var arrived = await FunctionAppFixture.WaitForAsync(() =>
        {
            reply = app.StandIn.SentMail.FirstOrDefault(mail => mail.Kind == "reply" && mail.InReplyToMessageId == delivered.ImmutableId);
            return Task.FromResult(reply is not null);
        });
        return arrived ? reply! : throw new TimeoutException($"No reply to {delivered.InternetMessageId} within {FunctionAppFixture.Patience.TotalSeconds} s.{Environment.NewLine}{app.Host.Output}");
    }

    [GeneratedRegex("^Message-ID:[^\r\n]*", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex("OPE-[0-9]{4}-[0-9A-Z]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
