using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft365StandIn.Graph;

namespace Microsoft365StandIn.Mail;

/// <summary>Graph's <c>message</c> resource for a stored message, with the ids the client asked for.</summary>
internal static class MessageJson
{
    public static JsonObject Render(MailMessage message, bool immutableIds, string? select, bool expandAttachments = false)
    {
        var body = message.Html is { } html
            ? new JsonObject { ["contentType"] = "html", ["content"] = html }
            : new JsonObject { ["contentType"] = "text", ["content"] = message.Text };
        var json = new JsonObject
        {
            ["@odata.etag"] = Etag(message),
            ["id"] = MailStore.IdFor(message, immutableIds),
            ["createdDateTime"] = GraphJson.Time(message.CreatedAt),
            ["lastModifiedDateTime"] = GraphJson.Time(message.LastModifiedAt),
            ["changeKey"] = ChangeKey(message),
            ["categories"] = new JsonArray(),
            ["receivedDateTime"] = GraphJson.Time(message.ReceivedAt),
            ["sentDateTime"] = GraphJson.Time(message.SentAt ?? message.ReceivedAt),
            ["hasAttachments"] = message.Attachments.Any(attachment => !attachment.IsInline),
            ["internetMessageId"] = message.InternetMessageId,
            ["subject"] = message.Subject,
            ["bodyPreview"] = message.Text.Length > 255 ? message.Text[..255] : message.Text,
            ["importance"] = "normal",
            ["parentFolderId"] = message.FolderId,
            ["conversationId"] = message.ConversationId,
            ["isDeliveryReceiptRequested"] = false,
            ["isReadReceiptRequested"] = false,
            ["isRead"] = message.IsRead,
            ["isDraft"] = message.IsDraft,
            ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(MailStore.IdFor(message, immutableIds))}&exvsurl=1&viewmodel=ReadMessageItem",
            ["inferenceClassification"] = "focused",
            ["body"] = body,
            ["sender"] = Recipient(message.From),
            ["from"] = Recipient(message.From),
            ["toRecipients"] = Recipients(message.To),
            ["ccRecipients"] = Recipients(message.Cc),
            ["bccRecipients"] = new JsonArray(),
            ["replyTo"] = Recipients(message.ReplyTo),
            ["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" },
        };

        // Graph returns a message's headers only when $select asks for them.
        if (select is not null && select.Contains("internetMessageHeaders", StringComparison.OrdinalIgnoreCase))
        {
            json["internetMessageHeaders"] = GraphJson.Array(message.Headers.Select(header => new JsonObject { ["name"] = header.Name, ["value"] = header.Value }));
        }

        if (expandAttachments)
        {
            json["attachments"] = GraphJson.Array(message.Attachments.Select(attachment => Attachment(attachment, message)));
        }

        return GraphJson.Select(json, select is null ? null : expandAttachments ? $"{select},attachments" : select);
    }

    public static JsonObject Attachment(MailAttachment attachment, MailMessage message) => new()
    {
        ["@odata.type"] = "#microsoft.graph.fileAttachment",
        ["@odata.mediaContentType"] = attachment.ContentType,
        ["id"] = attachment.Id,
        ["lastModifiedDateTime"] = GraphJson.Time(message.LastModifiedAt),
        ["name"] = attachment.Name,
        ["contentType"] = attachment.ContentType,
        ["size"] = attachment.Size,
        ["isInline"] = attachment.IsInline,
        ["contentId"] = attachment.ContentId,
        ["contentLocation"] = null,
        ["contentBytes"] = attachment.ContentBytes,
    };

    public static string Etag(MailMessage message) => $"W/\"{ChangeKey(message)}\"";

    private static string ChangeKey(MailMessage message) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"CQAAABYAAAA{message.ImmutableId[^12..]}{message.Version.ToString(CultureInfo.InvariantCulture)}"));

    private static JsonObject? Recipient(MailAddress? address) =>
        address is null ? null : new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = address.Name.Length > 0 ? address.Name : address.Address, ["address"] = address.Address } };

    private static JsonArray Recipients(IEnumerable<MailAddress> addresses) => GraphJson.Array(addresses.Select(address => Recipient(address)!));
}
