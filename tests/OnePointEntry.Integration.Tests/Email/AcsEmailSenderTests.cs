using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Email;
using OnePointEntry.Integration.Tests.Deliveries;
using OnePointEntry.Integration.Tests.Graph;
using OnePointEntry.Mail;
using InlineImage = OnePointEntry.Mail.InlineImage;

namespace OnePointEntry.Integration.Tests.Email;

/// <summary><see cref="AcsEmailSender"/>, composed by <c>AddGraphMail</c>, against the Microsoft 365 stand-in's ACS Email over HTTPS.</summary>
public sealed class AcsEmailSenderTests : IDisposable
{
    private const string Sender = "DoNotReply@notify.onepointentry.test";

    // Azure.Core sends a bearer token over HTTPS only: ACS is the stand-in's HTTPS port.
    private readonly StandInServer _m365 = StandInServer.Start(new() { HttpsPort = 0 });
    private readonly StandInTokenCredential _credential;
    private readonly List<IHost> _hosts = [];

    public AcsEmailSenderTests() => _credential = _m365.CreateCredential();

    private static OutgoingMail Mail => new()
    {
        To = ["office@liaoyang.example.cn"],
        Subject = "Your enquiry to One-Point Entry (OPE-2611-7K3F)",
        HtmlBody = "<html><body><p>Thank you.</p><img src=\"cid:logo.png\"></body></html>",
        PlainTextBody = "Thank you.",
        InlineImages = [new InlineImage("logo.png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 7, 7 })],
    };

    [Fact]
    public async Task Sends_with_the_apps_token_and_an_operation_id_then_polls_until_it_succeeds()
    {
        _m365.AcsStatuses = ["Running", "Running", "Succeeded"];
        var sender = Sender_();

        await sender.SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None);

        var send = Assert.Single(_m365.AcsSends);
        Assert.Equal("/emails:send", send.Path);
        Assert.Equal(MailSendingOptions.DefaultAcsApiVersion, send.Query["api-version"].ToString());
        Assert.Equal($"Bearer {_credential.LastToken}", send.Headers["Authorization"]);
        Assert.True(Guid.TryParse(send.Headers["Operation-Id"], out var operationId));
        Assert.StartsWith("application/json", send.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("https://communication.azure.com/.default", _credential.RequestedScopes);

        var body = send.Json!;
        Assert.Equal(Sender, body["senderAddress"]?.GetValue<string>());
        Assert.Equal("office@liaoyang.example.cn", Assert.Single(body["recipients"]!["to"]!.AsArray())!["address"]?.GetValue<string>());
        Assert.Equal(Mail.Subject, body["content"]?["subject"]?.GetValue<string>());
        Assert.Equal("Thank you.", body["content"]?["plainText"]?.GetValue<string>());
        Assert.Equal(Mail.HtmlBody, body["content"]?["html"]?.GetValue<string>());
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("logo.png", attachment["name"]?.GetValue<string>());
        Assert.Equal("image/png", attachment["contentType"]?.GetValue<string>());
        Assert.Equal(Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 7, 7]), attachment["contentInBase64"]?.GetValue<string>());
        Assert.Equal("logo.png", attachment["contentId"]?.GetValue<string>());

        Assert.Equal(3, _m365.AcsPolls.Count);
        Assert.All(_m365.AcsPolls, poll =>
        {
            Assert.Equal($"/emails/operations/{operationId}", poll.Path);
            Assert.Equal($"Bearer {_credential.LastToken}", poll.Headers["Authorization"]);
        });
    }

    [Fact]
    public async Task Waits_as_long_as_retry_after_says_between_polls()
    {
        _m365.AcsStatuses = ["Succeeded"];
        _m365.AcsRetryAfterSeconds = 1;
        var clock = Stopwatch.StartNew();

        await Sender_().SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {clock.Elapsed}");
        Assert.True(Assert.Single(_m365.AcsPolls).ReceivedAt - Assert.Single(_m365.AcsSends).ReceivedAt >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_failed_operation_is_an_error_naming_the_operation_and_the_services_code()
    {
        _m365.AcsStatuses = ["Running", "Failed"];

        var failure = await Assert.ThrowsAsync<MailSendFailedException>(() => Sender_().SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None));

        Assert.Equal("Failed", failure.Status);
        Assert.Equal("EmailDroppedAllRecipientsSuppressed", failure.ErrorCode);
        Assert.Equal(Assert.Single(_m365.AcsSends).Headers["Operation-Id"], failure.OperationId);
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canceled_operation_is_an_error()
    {
        _m365.AcsStatuses = ["Canceled"];

        var failure = await Assert.ThrowsAsync<MailSendFailedException>(() => Sender_().SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None));

        Assert.Equal("Canceled", failure.Status);
    }

    [Fact]
    public async Task An_operation_that_does_not_finish_in_time_is_given_up_saying_it_may_still_be_sent()
    {
        _m365.AcsStatuses = ["Running"];
        _m365.AcsRetryAfterSeconds = 1;

        var failure = await Assert.ThrowsAsync<MailSendFailedException>(
            () => Sender_(new() { ["MailSending:AcsOperationTimeout"] = "00:00:02" }).SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None));

        Assert.Equal("Running", failure.Status);
        Assert.Contains("may still be sent", failure.Message, StringComparison.Ordinal);
        Assert.InRange(_m365.AcsPolls.Count, 1, 2);
    }

    [Fact]
    public async Task A_send_retried_after_a_server_error_carries_the_same_operation_id_so_it_is_sent_once()
    {
        _m365.AcsStatuses = ["Succeeded"];
        _m365.FailNextAcsSends(503, "ServiceUnavailable");

        await Sender_().SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None);

        var sends = _m365.AcsSends;
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].Headers["Operation-Id"], sends[1].Headers["Operation-Id"]);
    }

    [Fact]
    public async Task A_second_attempt_at_the_same_delivery_is_the_same_operation_and_sends_one_mail()
    {
        _m365.AcsStatuses = ["Succeeded"];

        await Sender_().SendAsync(Mail, new KeptProgress("OPE-2611-7K3F~Acknowledgement"), CancellationToken.None);
        await Sender_().SendAsync(Mail, new KeptProgress("OPE-2611-7K3F~Acknowledgement"), CancellationToken.None);
        await Sender_().SendAsync(Mail, new KeptProgress("OPE-2611-9ZZZ~Acknowledgement"), CancellationToken.None);

        var operations = _m365.AcsSends.Select(send => send.Headers["Operation-Id"]).ToList();
        Assert.Equal(3, operations.Count);
        Assert.Equal(operations[0], operations[1]);
        Assert.NotEqual(operations[0], operations[2]);
        Assert.Equal(AcsEmailSender.OperationIdFor("OPE-2611-7K3F~Acknowledgement"), operations[0]);
        Assert.Equal(2, _m365.AcsOperationCount);
    }

    [Fact]
    public async Task A_refused_send_is_an_error_with_the_services_code()
    {
        _m365.FailNextAcsSends(400, "InvalidSenderUserName");

        var failure = await Assert.ThrowsAsync<MailSendFailedException>(() => Sender_().SendAsync(Mail, new KeptProgress("report-2026-03~ReportMail"), CancellationToken.None));

        Assert.Null(failure.Status);
        Assert.Equal("InvalidSenderUserName", failure.ErrorCode);
        Assert.Single(_m365.AcsSends);
        Assert.Empty(_m365.AcsPolls);
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _credential.Dispose();
        _m365.Dispose();
    }

    private IMailSender Sender_(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:Mailbox"] = "delegations@onepointentry.test",
            ["MailSending:Adapter"] = "AzureCommunicationServices",
            ["MailSending:AcsEndpoint"] = _m365.AcsEndpoint.AbsoluteUri,
            ["MailSending:AcsSenderAddress"] = Sender,
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var host = MailTestHost.Build(settings, _credential, clients => clients.ConfigureDefaults(options =>
        {
            options.Transport = _m365.AcsTransport;
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        }));
        _hosts.Add(host);
        var sender = host.Services.GetRequiredService<IMailSender>();
        Assert.IsType<AcsEmailSender>(sender);
        return sender;
    }
}
