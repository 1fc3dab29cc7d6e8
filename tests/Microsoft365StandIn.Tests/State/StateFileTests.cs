using System.Net.Http.Headers;
using Microsoft.Graph.Models;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.State;

/// <summary>With a state file, a restarted stand-in keeps its mailbox, calendars, subscriptions and tokens.</summary>
public sealed class StateFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "standin-state-" + Guid.NewGuid().ToString("N"));

    private string StateFile => Path.Combine(_directory, "state.json");

    [Fact]
    public async Task A_restart_keeps_the_state_and_accepts_the_tokens_given_out_before()
    {
        var recorder = new NotificationRecorder();
        string messageId;
        string token;
        await using (var first = await StandInServer.StartAsync(new StandInOptions { StateFile = StateFile, NotificationHandler = recorder }))
        {
            messageId = first.StageMessage(Mails.Enquiry());
            first.AddUser("mei.chen@onepointentry.example");
            var graph = GraphClients.For(first);
            await graph.Users["mei.chen@onepointentry.example"].Events.PostAsync(new Event
            {
                Subject = "Screening",
                Start = new DateTimeTimeZone { DateTime = "2026-12-08T09:00:00", TimeZone = "UTC" },
                End = new DateTimeTimeZone { DateTime = "2026-12-08T09:30:00", TimeZone = "UTC" },
                TransactionId = "tx-1",
            });
            await graph.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = "created",
                NotificationUrl = "https://ope.example/api/mail/notifications",
                Resource = $"users/{first.Mailbox}/mailFolders('inbox')/messages",
                ExpirationDateTime = DateTimeOffset.UtcNow.AddDays(1),
                ClientState = "secret",
            });
            await graph.Users[first.Mailbox].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
            {
                Message = new Message
                {
                    Subject = "Report",
                    Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Report</p>" },
                    ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "management@onepointentry.example" } }],
                    InternetMessageHeaders = [new InternetMessageHeader { Name = "X-OPE-Outbox-Id", Value = "outbox-1" }],
                },
                SaveToSentItems = true,
            });
            first.StagePlannerTask("[OPE-2612-7K3F] Screen", description: "Notes");
            first.StageBusy("mei.chen@onepointentry.example", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
            await graph.Users[first.Mailbox].MailFolders["inbox"].Messages.Delta.GetAsDeltaGetResponseAsync();
            using var teams = new HttpClient();
            (await teams.PostAsync(first.TeamsWebhookUrl, new StringContent("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"}}]}"""))).Dispose();
            token = first.IssueToken();
        }

        Assert.True(File.Exists(StateFile));
        await using var second = await StandInServer.StartAsync(new StandInOptions { StateFile = StateFile, NotificationHandler = recorder });
        using var client = new HttpClient { BaseAddress = second.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("Prefer", "IdType=\"ImmutableId\"");

        using var response = await client.GetAsync($"v1.0/users/{second.Mailbox}/messages/{messageId}/$value");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Mails.Enquiry(), await response.Content.ReadAsStringAsync());
        Assert.Equal("tx-1", Assert.Single(second.EventsOf("mei.chen@onepointentry.example")).TransactionId);
        Assert.Equal("secret", Assert.Single(second.Subscriptions).ClientState);
        Assert.Equal("Inbox", second.FolderOf(messageId));
        Assert.Equal(2, second.Users.Count);
        Assert.Equal("outbox-1", Assert.Single(second.SentMail).Headers["X-OPE-Outbox-Id"]);
        Assert.Equal("Notes", Assert.Single(second.PlannerTasks).Description);
        Assert.Equal("AdaptiveCard", Assert.Single(second.PostedMessages)["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
