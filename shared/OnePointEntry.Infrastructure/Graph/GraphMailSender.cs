using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// Sends from the shared mailbox: a draft (<c>POST users/{mailbox}/messages</c>) sent with <c>POST …/send</c> and
/// kept in Sent Items, once (see <see cref="GraphDraftSending"/>). The draft carries the delivery's key in the header
/// <see cref="DeliveryHeader"/>, so a person can tell in Sent Items which delivery a mail was. Inline images go as file
/// attachments marked <c>isInline</c> with their <c>contentId</c>, which the HTML references as <c>cid:{contentId}</c>.
/// Graph's message has one body, so the HTML is sent and the plain-text alternative is not; a draft carries at most
/// 3 MB of attachments, plenty for a chart.
/// </summary>
public sealed class GraphMailSender(GraphServiceClient graph, IOptions<GraphOptions> options, ILogger<GraphMailSender> logger) : IMailSender
{
    /// <summary>Graph accepts custom internet message headers only when they start with <c>x-</c>.</summary>
    public const string DeliveryHeader = "X-OPE-Delivery";

    public async Task SendAsync(OutgoingMail mail, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(progress);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(mail));
        }

        var mailbox = graph.Users[options.Value.Mailbox];
        await GraphDraftSending.SendOnceAsync(
            mailbox,
            progress,
            async cancellation =>
            {
                var draft = await mailbox.Messages.PostAsync(ToMessage(mail, progress.DeliveryKey), cancellationToken: cancellation);
                return draft?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("Graph made the draft without an id.");
            },
            complete: null,
            logger,
            cancellationToken);
    }

    private static Message ToMessage(OutgoingMail mail, string deliveryKey)
    {
        var message = new Message
        {
            Subject = mail.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
            ToRecipients = [.. mail.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } })],
            InternetMessageHeaders = [new InternetMessageHeader { Name = DeliveryHeader, Value = deliveryKey }],
        };
        if (mail.InlineImages.Count > 0)
        {
            message.Attachments = [.. mail.InlineImages.Select(ToAttachment)];
        }

        return message;
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
