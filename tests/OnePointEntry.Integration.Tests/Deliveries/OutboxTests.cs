using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft365StandIn;
using OnePointEntry.Deliveries;
using OnePointEntry.Functions.Health;
using OnePointEntry.Functions.Mail;
using OnePointEntry.Functions.Operations;
using OnePointEntry.Mail;
using InlineImage = OnePointEntry.Mail.InlineImage;

namespace OnePointEntry.Integration.Tests.Deliveries;

/// <summary>The outbox against Azurite and the Microsoft 365 stand-in: what waits, what fails, what is sent once.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private const string Mime = """
        From: Wang Lei <wang.lei@example.cn>
        To: info@onepointentry.example
        Subject: Delegation from Jiaxing, March 2027
        Message-ID: <outbox-1@mail.example.cn>
        Date: Mon, 23 Nov 2026 09:00:00 +0800
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Dear One-Point Entry, a delegation of 5 from Jiaxing fur industry would like to visit Copenhagen on 10 March 2027.
        """;

    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly StorageFixture _storage;

    public OutboxTests() => _storage = new StorageFixture(_m365);

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_relayed_mail_is_accepted_while_Graph_answers_only_503_and_acknowledged_once_when_it_recovers()
    {
        _m365.QueueFault(503, times: 1_000, pathContains: "/users/");

        var reference = await PostRawAsync();
        Assert.Equal(1, await _storage.DeliverQueuedAsync());

        var id = new DeliveryId(reference, DeliveryKind.Acknowledgement);
        var waiting = await FindAsync(id);
        Assert.Equal(DeliveryState.Pending, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.StartsWith("Microsoft Graph: ", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.NextAttemptAt > _storage.Time.GetUtcNow());
        Assert.Empty(_m365.SentMail);

        _m365.ClearFaults();
        _storage.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DeliveryState.Delivered, await DeliverAsync(id));
        Assert.Equal(DeliveryState.Delivered, await DeliverAsync(id));

        var sent = Assert.Single(_m365.SentMail);
        Assert.Equal(["wang.lei@example.cn"], sent.To);
        Assert.Contains(reference, sent.Text, StringComparison.Ordinal);
        var delivered = await FindAsync(id);
        Assert.Equal(2, delivered.Attempts);
        Assert.Null(delivered.Mail);
        Assert.NotNull(delivered.Checkpoint);
    }

    [Fact]
    public async Task A_refused_delivery_fails_for_good_is_reported_degraded_listed_and_resent_by_an_operator()
    {
        _m365.FailNext("POST", "/messages$", 400, "ErrorInvalidRecipients");
        var reference = await PostRawAsync();
        await _storage.DeliverQueuedAsync();
        var id = new DeliveryId(reference, DeliveryKind.Acknowledgement);
        Assert.Equal(DeliveryState.DeliveryFailed, (await FindAsync(id)).State);

        var health = await JsonAsync(await _storage.Create<GetHealthDetails>().Run(HttpRequests.Get("/api/health/details"), CancellationToken.None));
        var deliveries = health.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "deliveries");
        Assert.Equal("Degraded", deliveries.GetProperty("status").GetString());
        Assert.Equal(1, deliveries.GetProperty("data").GetProperty("failed").GetInt32());

        var listed = await JsonAsync(await _storage.Create<ListDeliveries>().Run(HttpRequests.Get("/api/operations/deliveries"), CancellationToken.None));
        var failed = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id.ToString(), failed.GetProperty("id").GetString());
        Assert.StartsWith("Microsoft Graph: ", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wang.lei", listed.ToString(), StringComparison.OrdinalIgnoreCase);

        var resend = _storage.Create<ResendDelivery>();
        var (status, _, _, body) = await (await resend.Run(HttpRequests.Get("/api/operations/deliveries/x/resend"), id.ToString(), CancellationToken.None)).ExecuteAsync(HttpRequests.Get("/"));
        Assert.Equal(202, status);
        Assert.Equal("Pending", body.GetProperty("state").GetString());
        await _storage.DeliverQueuedAsync();

        Assert.Equal(DeliveryState.Delivered, (await FindAsync(id)).State);
        Assert.Single(_m365.SentMail);
        var (againStatus, _, _, _) = await (await resend.Run(HttpRequests.Get("/"), id.ToString(), CancellationToken.None)).ExecuteAsync(HttpRequests.Get("/"));
        Assert.Equal(200, againStatus);
        Assert.Empty(await _storage.Services.GetRequiredService<IDeliveryStore>().ListFailedAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_pending_delivery_whose_queue_message_was_lost_is_queued_again_by_the_sweep_and_sent_once()
    {
        var reference = await PostRawAsync();
        await _storage.Queues.GetQueueClient(_storage.Names.DeliveryQueue).ClearMessagesAsync();
        using var scope = _storage.Services.CreateScope();
        var sweep = scope.ServiceProvider.GetRequiredService<OutboxSweep>();

        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        _storage.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(1, await _storage.DeliverQueuedAsync());

        Assert.Equal(DeliveryState.Delivered, (await FindAsync(new DeliveryId(reference, DeliveryKind.Acknowledgement))).State);
        Assert.Single(_m365.SentMail);
        _storage.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_report_mail_with_its_chart_fits_a_delivery_and_comes_back_whole()
    {
        byte[] chart = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7))];
        var mail = new OutgoingMail
        {
            To = ["management@onepointentry.example"],
            Subject = "Delegations in November 2026",
            HtmlBody = "<p>Twelve delegations.</p><img src=\"cid:chart.png\">",
            InlineImages = [new InlineImage("chart.png", "image/png", chart)],
        };
        var store = _storage.Services.GetRequiredService<IDeliveryStore>();
        var id = new DeliveryId("report-2026-11", DeliveryKind.ReportMail);

        Assert.True(await store.TryAddAsync(Delivery.OfMail(id, mail, _storage.Time.GetUtcNow()), CancellationToken.None));
        Assert.False(await store.TryAddAsync(Delivery.OfMail(id, mail with { Subject = "Another" }, _storage.Time.GetUtcNow()), CancellationToken.None));

        var stored = (await store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal("Delegations in November 2026", stored.Mail!.Subject);
        Assert.Equal(chart, stored.Mail.InlineImages.Single().Content.ToArray());
    }

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
        await _m365.DisposeAsync();
    }

    private async Task<string> PostRawAsync()
    {
        var request = HttpRequests.Raw(Mime.Replace("\n", "\r\n", StringComparison.Ordinal), "message/rfc822");
        var (status, _, _, body) = await (await _storage.Create<PostRawMail>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal(202, status);
        return body.GetProperty("reference").GetString()!;
    }

    private async Task<Delivery> FindAsync(DeliveryId id) =>
        await _storage.Services.GetRequiredService<IDeliveryStore>().FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No delivery {id}.");

    private async Task<DeliveryState?> DeliverAsync(DeliveryId id)
    {
        using var scope = _storage.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverAsync(id, CancellationToken.None);
    }

    private static async Task<JsonElement> JsonAsync(Microsoft.AspNetCore.Mvc.IActionResult result)
    {
        var (_, _, _, body) = await result.ExecuteAsync(HttpRequests.Get("/"));
        return body;
    }
}
