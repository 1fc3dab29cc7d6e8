using System.Net;
using System.Text.Json.Nodes;
using Microsoft365StandIn.Graph;
using MimeKit;
using MimeKit.Utils;

namespace Microsoft365StandIn.Mail;

/// <summary>
/// Builds the mail Exchange would send for <c>sendMail</c> and <c>reply</c> from Graph's message JSON: from the
/// mailbox, the recipients, subject and body given, inline <c>fileAttachment</c>s as related parts, and the custom
/// <c>internetMessageHeaders</c> (Graph takes only names starting with <c>x-</c> or <c>X-</c>).
/// </summary>
internal static class MailComposer
{
    public static ComposedMail Compose(
        JsonObject message,
        DirectoryUser from,
        string kind,
        DateTimeOffset now,
        IReadOnlyList<MailAddress>? defaultTo = null,
        string? defaultSubject = null,
        string? comment = null,
        MailMessage? original = null)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(from.DisplayName, from.Mail));
        var to = Recipients(message["toRecipients"]);
        if (to.Count == 0 && defaultTo is not null)
        {
            to = [.. defaultTo];
        }

        var cc = Recipients(message["ccRecipients"]);
        var bcc = Recipients(message["bccRecipients"]);
        if (to.Count + cc.Count + bcc.Count == 0)
        {
            throw new GraphRequestException(400, "ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
        }

        mime.To.AddRange(to.Select(address => new MailboxAddress(address.Name, address.Address)));
        mime.Cc.AddRange(cc.Select(address => new MailboxAddress(address.Name, address.Address)));
        mime.Bcc.AddRange(bcc.Select(address => new MailboxAddress(address.Name, address.Address)));
        mime.Subject = GraphJson.String(message["subject"]) ?? defaultSubject ?? "";
        mime.Date = now;
        var domain = from.Mail[(from.Mail.IndexOf('@', StringComparison.Ordinal) + 1)..];
        mime.MessageId = MimeUtils.GenerateMessageId(domain);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message["internetMessageHeaders"] as JsonArray ?? [])
        {
            var name = GraphJson.String(header?["name"]) ?? "";
            var value = GraphJson.String(header?["value"]) ?? "";
            if (!name.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || name.Length < 3)
            {
                throw new GraphRequestException(400, "InvalidInternetMessageHeader", $"The internet message header name '{name}' should start with 'x-' or 'X-'.");
            }

            mime.Headers.Add(name, value);
            headers[name] = value;
        }

        if (original is not null)
        {
            var originalId = original.InternetMessageId.Trim('<', '>');
            mime.InReplyTo = originalId;
            foreach (var reference in original.References)
            {
                mime.References.Add(reference.Trim('<', '>'));
            }

            mime.References.Add(originalId);
            headers["In-Reply-To"] = original.InternetMessageId;
            headers["References"] = string.Join(' ', mime.References.Select(reference => $"<{reference}>"));
        }

        var (html, text) = Body(message["body"], comment);
        var builder = new BodyBuilder { TextBody = text, HtmlBody = html };
        var inline = new List<InlineImage>();
        foreach (var attachment in message["attachments"] as JsonArray ?? [])
        {
            AddAttachment(builder, attachment as JsonObject, inline);
        }

        mime.Body = builder.ToMessageBody();
        var sent = new SentMailItem(
            Id: "",
            Kind: kind,
            SentAt: now,
            From: from.Mail,
            To: [.. to.Select(address => address.Address)],
            Subject: mime.Subject,
            Text: text,
            Html: html,
            Headers: headers,
            InlineImages: inline,
            InReplyToMessageId: original?.ImmutableId,
            InternetMessageId: $"<{mime.MessageId}>");
        return new ComposedMail(mime, sent);
    }

    private static List<MailAddress> Recipients(JsonNode? node)
    {
        var recipients = new List<MailAddress>();
        foreach (var recipient in node as JsonArray ?? [])
        {
            var address = GraphJson.String(recipient?["emailAddress"]?["address"])?.Trim();
            if (string.IsNullOrEmpty(address) || !MailboxAddress.TryParse(address, out var parsed) || !address.Contains('@', StringComparison.Ordinal))
            {
                throw new GraphRequestException(400, "ErrorInvalidRecipients", $"At least one recipient is not valid., Recipient '{address}' is not resolved. All recipients must be resolved before a message can be submitted.");
            }

            recipients.Add(new MailAddress(GraphJson.String(recipient?["emailAddress"]?["name"]) ?? "", parsed.Address));
        }

        return recipients;
    }

    private static (string? Html, string Text) Body(JsonNode? body, string? comment)
    {
        if (comment is not null)
        {
            var encoded = WebUtility.HtmlEncode(comment).Replace("\n", "<br>", StringComparison.Ordinal);
            return ($"<html><body><div>{encoded}</div></body></html>", comment.Trim());
        }

        var content = GraphJson.String(body?["content"]) ?? "";
        var isHtml = string.Equals(GraphJson.String(body?["contentType"]), "html", StringComparison.OrdinalIgnoreCase);
        return isHtml ? (content, HtmlToText.Convert(content)) : (null, content);
    }

    private static void AddAttachment(BodyBuilder builder, JsonObject? attachment, List<InlineImage> inline)
    {
        var type = GraphJson.String(attachment?["@odata.type"]);
        if (attachment is null || !string.Equals(type, "#microsoft.graph.fileAttachment", StringComparison.OrdinalIgnoreCase))
        {
            throw new GraphRequestException(400, "ErrorInvalidRequest", "Only attachments of type #microsoft.graph.fileAttachment are supported here.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(GraphJson.String(attachment["contentBytes"]) ?? "");
        }
        catch (FormatException)
        {
            throw new GraphRequestException(400, "ErrorInvalidRequest", "The attachment's contentBytes are not base64.");
        }

        var name = GraphJson.String(attachment["name"]) ?? "attachment";
        var contentType = GraphJson.String(attachment["contentType"]) ?? "application/octet-stream";
        var contentId = GraphJson.String(attachment["contentId"]);
        var isInline = GraphJson.Bool(attachment["isInline"]) ?? false;
        if (!ContentType.TryParse(contentType, out var parsedType))
        {
            throw new GraphRequestException(400, "ErrorInvalidRequest", $"The attachment's contentType '{contentType}' is not a MIME type.");
        }

        if (isInline && contentId is not null)
        {
            var resource = builder.LinkedResources.Add(name, bytes, parsedType);
            resource.ContentId = contentId;
            inline.Add(new InlineImage(contentId, parsedType.MimeType, Convert.ToBase64String(bytes)));
        }
        else
        {
            var part = builder.Attachments.Add(name, bytes, parsedType);
            if (contentId is not null)
            {
                part.ContentId = contentId;
            }
        }
    }
}
