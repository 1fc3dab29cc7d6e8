using MimeKit;

namespace Microsoft365StandIn.Mail;

/// <summary>Reads what Graph shows of a message (subject, addresses, Message-ID, bodies, headers, attachments) from its MIME, once, with MimeKit.</summary>
internal static class MimeReader
{
    /// <summary>Parses a whole e-mail; <see cref="FormatException"/> when it is not one (no header at all, or MimeKit cannot read it).</summary>
    public static MimeMessage Parse(byte[] mime)
    {
        if (mime.Length == 0)
        {
            throw new FormatException("The mail is empty.");
        }

        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (ParseException error)
        {
            throw new FormatException($"The mail cannot be parsed: {error.Message}", error);
        }

        if (message.Headers.Count == 0 || message.From.Count == 0 && message.Sender is null && string.IsNullOrEmpty(message.Subject) && string.IsNullOrEmpty(message.MessageId))
        {
            throw new FormatException("The mail has no From, Subject or Message-ID header: it is not an Internet message.");
        }

        return message;
    }

    public static MailAddress? First(InternetAddressList list) =>
        list.Mailboxes.FirstOrDefault() is { } mailbox ? new MailAddress(mailbox.Name ?? "", mailbox.Address) : null;

    public static List<MailAddress> All(InternetAddressList list) => [.. list.Mailboxes.Select(mailbox => new MailAddress(mailbox.Name ?? "", mailbox.Address))];

    public static List<MailHeader> Headers(MimeMessage message) => [.. message.Headers.Select(header => new MailHeader(header.Field, header.Value))];

    public static string Text(MimeMessage message) =>
        message.TextBody is { } text ? text.Trim() : message.HtmlBody is { } html ? HtmlToText.Convert(html) : "";

    public static List<MailAttachment> Attachments(MimeMessage message)
    {
        var attachments = new List<MailAttachment>();
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            if (part is TextPart && !part.IsAttachment && part.ContentId is null)
            {
                continue;
            }

            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var bytes = content.ToArray();
            attachments.Add(new MailAttachment(
                State.Ids.New("AAMkADatt"),
                part.FileName ?? part.ContentId ?? "attachment",
                part.ContentType.MimeType,
                part.ContentId,
                !part.IsAttachment && part.ContentId is not null,
                Convert.ToBase64String(bytes),
                bytes.Length));
        }

        return attachments;
    }
}
