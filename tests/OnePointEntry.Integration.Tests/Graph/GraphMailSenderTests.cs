using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Integration.Tests.Deliveries;
using OnePointEntry.Mail;
using InlineImage = OnePointEntry.Mail.InlineImage;

namespace OnePointEntry.Integration.Tests.Graph;

public sealed class GraphMailSenderTests : IDisposable
{
    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly IHost _host;

    public GraphMailSenderTests() => _host = MailTestHost.Build(new Dictionary<string, string?>(_m365.Settings) { ["Graph:Credential"] = "Local" });

    [Fact]
    public async Task The_default_sender_sends_from_the_shared_mailbox_with_the_chart_inline()
    {
        var sender = _host.Services.GetRequiredService<IMailSender>();
        Assert.IsType<GraphMailSender>(sender);
        byte[] chart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var mail = new OutgoingMail
        {
            To = ["management@onepointentry.test", "stats@onepointentry.test"],
            Subject = "Delegations in March",
            HtmlBody = "<html><body><p>Twelve delegations.</p><img src=\"cid:chart.png\"></body></html>",
            PlainTextBody = "Twelve delegations.",
            InlineImages = [new InlineImage("chart.png", "image/png", chart)],
        };

        var progress = new KeptProgress("report-2026-03~ReportMail");

        await sender.SendAsync(mail, progress, CancellationToken.None);

        var request = Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/messages$"));
        var message = request.Json!;
        var header = Assert.Single(message["internetMessageHeaders"]!.AsArray())!;
        Assert.Equal(GraphMailSender.DeliveryHeader, header["name"]?.GetValue<string>());
        Assert.Equal("report-2026-03~ReportMail", header["value"]?.GetValue<string>());
        Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/messages/{progress.Checkpoint}/send$"));
        var sent = Assert.Single(_m365.SentMail);
        Assert.Equal("Delegations in March", sent.Subject);
        Assert.Equal("Sent Items", _m365.FolderOf(progress.Checkpoint!));
        Assert.Equal("Delegations in March", message["subject"]?.GetValue<string>());
        Assert.Equal("html", message["body"]?["contentType"]?.GetValue<string>());
        Assert.Equal(mail.HtmlBody, message["body"]?["content"]?.GetValue<string>());
        Assert.Equal(
            ["management@onepointentry.test", "stats@onepointentry.test"],
            message["toRecipients"]!.AsArray().Select(recipient => recipient?["emailAddress"]?["address"]?.GetValue<string>()));
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("#microsoft.graph.fileAttachment", attachment["@odata.type"]?.GetValue<string>());
        Assert.True(attachment["isInline"]?.GetValue<bool>());
        Assert.Equal("chart.png", attachment["contentId"]?.GetValue<string>());
        Assert.Equal("image/png", attachment["contentType"]?.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(chart), attachment["contentBytes"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_attempt_after_a_lost_answer_to_send_finds_the_mail_sent_and_sends_nothing_more()
    {
        var sender = _host.Services.GetRequiredService<IMailSender>();
        var mail = new OutgoingMail { To = ["office@liaoyang.example.cn"], Subject = "Reference OPE-2611-7K3F", HtmlBody = "<p>Thank you.</p>" };
        var progress = new KeptProgress("OPE-2611-7K3F~Acknowledgement");
        // Graph sends the mail and the gateway times out: the client's retries of the send are refused, as the draft is gone.
        _m365.LoseNextAnswer("POST", "/send$", count: 4);

        try
        {
            await sender.SendAsync(mail, progress, CancellationToken.None);
        }
        catch (ODataError)
        {
            // The outbox would try again later; whether this attempt saw through the lost answer does not matter.
        }

        await sender.SendAsync(mail, progress, CancellationToken.None);

        Assert.Single(_m365.SentMail);
        Assert.Equal(1, progress.Saves);
        Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/messages$"));
    }

    [Fact]
    public async Task An_attempt_after_a_crash_between_draft_and_send_sends_the_kept_draft()
    {
        var sender = _host.Services.GetRequiredService<IMailSender>();
        var mail = new OutgoingMail { To = ["office@liaoyang.example.cn"], Subject = "Reference OPE-2611-7K3F", HtmlBody = "<p>Thank you.</p>" };
        var progress = new KeptProgress("OPE-2611-7K3F~Acknowledgement");
        _m365.FailNext("POST", "/send$", 500, "InternalServerError");

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(mail, progress, CancellationToken.None));
        Assert.Empty(_m365.SentMail);
        await sender.SendAsync(mail, progress, CancellationToken.None);

        Assert.Single(_m365.SentMail);
        Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/messages$"));
    }

    public void Dispose()
    {
        _host.Dispose();
        _m365.Dispose();
    }
}
