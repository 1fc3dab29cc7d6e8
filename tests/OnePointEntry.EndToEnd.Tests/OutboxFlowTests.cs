using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Testing;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// The outbox through the real worker: nothing accepted waits on Microsoft 365, and what is sent is sent once.
/// </summary>
[Collection(FunctionAppCollection.Name)]
public sealed class OutboxFlowTests(FunctionAppFixture app)
{
    [Fact]
    public async Task A_raw_mail_posted_while_Microsoft_365_answers_only_503_is_accepted_and_acknowledged_exactly_once_after_it_recovers()
    {
        var sender = $"relay-{Guid.NewGuid():N}@aarhus.example.dk";
        app.StandIn.QueueFault(503, times: 100_000, pathContains: "/users/");
        string reference;
        try
        {
            using var response = await PostRawAsync(sender);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;

            // The acknowledgement is tried, fails on Graph, and waits for its next attempt.
            Assert.True(
                await FunctionAppFixture.WaitForAsync(async () => await AcknowledgementAsync(reference) is { } ack && ack.GetProperty("state").GetString() == "Pending" && ack.GetProperty("lastError").ValueKind == JsonValueKind.String),
                app.Host.Output);
            var waiting = (await AcknowledgementAsync(reference))!.Value;
            Assert.StartsWith("Microsoft Graph: ", waiting.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(app.StandIn.SentMail, mail => mail.To.Contains(sender));
        }
        finally
        {
            app.StandIn.ClearFaults();
        }

        Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(app.StandIn.SentMail.Any(mail => mail.To.Contains(sender)))), app.Host.Output);
        var routed = await app.WaitForStatusAsync(reference, "Routed");
        var screener = routed.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
        Assert.True(
            await FunctionAppFixture.WaitForAsync(() => Task.FromResult(
                app.StandIn.EventsOf(screener).Any(item => item.Subject.Contains(reference, StringComparison.Ordinal))
                && app.StandIn.PlannerTasks.Any(task => task.Title.Contains(reference, StringComparison.Ordinal))
                && app.StandIn.PostedMessages.Any(message => message.ToJsonString().Contains(reference, StringComparison.Ordinal)))),
            app.Host.Output);

        // Let any stray attempt land before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var acknowledgement = Assert.Single(app.StandIn.SentMail, mail => mail.To.Contains(sender));
        Assert.Contains(reference, acknowledgement.Text, StringComparison.Ordinal);
        Assert.Single(app.StandIn.EventsOf(screener), item => item.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Single(app.StandIn.PlannerTasks, task => task.Title.Contains(reference, StringComparison.Ordinal));
        Assert.Single(app.StandIn.PostedMessages, message => message.ToJsonString().Contains(reference, StringComparison.Ordinal));
        var delivered = await DeliveriesAsync(reference);
        Assert.Equal(4, delivered.Count);
        Assert.All(delivered, delivery => Assert.Equal("Delivered", delivery.GetProperty("state").GetString()));
    }

    private async Task<HttpResponseMessage> PostRawAsync(string sender)
    {
        var mime = $"""
            From: Aarhus Kommune <{sender}>
            To: info@onepointentry.example
            Subject: Fwd: Delegation from Qingdao, April 2027
            Message-ID: <{Guid.NewGuid():N}@aarhus.example.dk>
            Date: Mon, 23 Nov 2026 09:00:00 +0100
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Dear One-Point Entry, we forward an enquiry: a delegation of 8 from the Qingdao port authority would like
            to visit Copenhagen on 14 April 2027 to learn about green shipping and port logistics.
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/mail/raw", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(mime)) { Headers = { ContentType = new MediaTypeHeaderValue("message/rfc822") } },
        };
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        return await app.Client.SendAsync(request);
    }

    private async Task<JsonElement?> AcknowledgementAsync(string reference) =>
        (await DeliveriesAsync(reference)).Cast<JsonElement?>().FirstOrDefault(delivery => delivery!.Value.GetProperty("kind").GetString() == "Acknowledgement");

    private async Task<List<JsonElement>> DeliveriesAsync(string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/operations/deliveries?subject={reference}", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
