using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalFunctionsHost.Testing;

namespace OnePointEntry.EndToEnd.Tests;

[Collection(FunctionAppCollection.Name)]
public sealed class MailFlowTests(FunctionAppFixture app)
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
    public async Task A_mail_announced_by_graph_becomes_a_screened_enquiry_with_the_right_facts_and_one_reply()
    {
        var id = app.Graph.StageMessage(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "002-jiaxing-fur-fwd-glostrup.eml")));
        var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "002-jiaxing-fur-fwd-glostrup.expected.json"))).RootElement;

        using var response = await app.Client.PostAsJsonAsync(new Uri("api/mail/notifications", UriKind.Relative), new
        {
            value = new[] { new { subscriptionId = "sub-e2e", clientState = FunctionAppFixture.ClientState, changeType = "created", resource = $"Users/x/Messages/{id}", resourceData = new { id } } },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var reference = await WaitForReplyReferenceAsync(id);
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
        var screener = screened.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
        Assert.Single(app.Graph.EventsOf(screener), item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Single(app.Graph.PlannerTasks, item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Single(app.Teams.PostedMessages, message => message.ToJsonString().Contains(reference, StringComparison.Ordinal));
        Assert.Equal("Processed", app.Graph.FolderOf(id));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(app.Graph.RequestsTo("POST", $"/messages/{id}/reply"));
        Assert.Contains(reference, app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tbh@glostrup.example.dk", app.Host.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Trine Bisgaard Holm", app.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("嘉兴", app.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mailbox_timer_run_through_the_admin_api_subscribes_and_takes_in_mail_no_notification_announced()
    {
        var id = app.Graph.StageMessage(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "005-changchun-health-via-region-skane.eml")));

        using var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/KeepMailbox", UriKind.Relative)) { Content = JsonContent.Create(new { input = string.Empty }) };
        run.Headers.Add("x-functions-key", HostProcess.MasterKey);
        using var response = await app.Client.SendAsync(run);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = await WaitForReplyReferenceAsync(id);
        var screened = await app.WaitForStatusAsync(reference, "Routed");
        Assert.Equal("Jilin", screened.GetProperty("region").GetString());
        var subscription = Assert.Single(app.Graph.Subscriptions);
        Assert.Equal(FunctionAppFixture.ClientState, subscription.ClientState);
    }

    private async Task<string> WaitForReplyReferenceAsync(string messageId)
    {
        var deadline = DateTime.UtcNow + FunctionAppFixture.Patience;
        while (DateTime.UtcNow < deadline)
        {
            var replies = app.Graph.RequestsTo("POST", $"/messages/{messageId}/reply");
            if (replies.Count > 0)
            {
                var reply = replies[0];
                var match = System.Text.RegularExpressions.Regex.Match(reply.Body ?? string.Empty, "OPE-[0-9]{4}-[0-9A-Z]{4}");
                Assert.True(match.Success, $"the reply names no reference: {reply.Body}");
                return match.Value;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No reply to {messageId} within {FunctionAppFixture.Patience.TotalSeconds} s.{Environment.NewLine}{app.Host.Output}");
    }
}
