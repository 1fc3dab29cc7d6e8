using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Graph;
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

        await sender.SendAsync(mail, CancellationToken.None);

        var request = Assert.Single(_m365.RequestsTo("POST", $"^/users/{_m365.Mailbox}/sendMail$"));
        var body = request.Json!;
        Assert.True(body["saveToSentItems"]?.GetValue<bool>());
        var message = body["message"]!;
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

    public void Dispose()
    {
        _host.Dispose();
        _m365.Dispose();
    }
}
