using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// Sends from the shared mailbox with <c>POST users/{mailbox}/sendMail</c> (saved in Sent Items). Inline images go
/// as file attachments marked <c>isInline</c> with their <c>contentId</c>, which the HTML references as
/// <c>cid:{contentId}</c>. Graph's message has one body, so the HTML is sent and the plain-text alternative is
/// not; a single request carries at most 4 MB of attachments, plenty for a chart.
/// </summary>
public sealed class GraphMailSender(GraphServiceClient graph, IOptions<GraphOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(mail));
        }

        var message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
            ToRecipients = [.. mail.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } })],
        };
        if (mail.InlineImages.Count > 0)
        {
            message.Attachments = [.. mail.InlineImages.Select(ToAttachment)];
        }

        var body = new SendMailPostRequestBody { Message = message, SaveToSentItems = true };
        await graph.Users[options.Value.Mailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken);
    }

    private static Attachment ToAttachment(InlineImage image) => new FileAttachment
    {
        Name = image.ContentId,
        ContentType = image.ContentType,
        ContentBytes = image.Content.ToArray(),
        ContentId = image.ContentId,
        IsInline = true,
    };
}
