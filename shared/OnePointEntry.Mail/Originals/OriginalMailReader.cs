using MimeKit;
using OnePointEntry.Extraction;
using OnePointEntry.Text;

namespace OnePointEntry.Mail.Originals;

/// <summary>
/// Reads a kept mail for the enquiry's page: its readable text as intake read it (<see cref="MailParser"/>), its HTML
/// body made inert, every attachment by name, type and size (listed, never served), and the forwarding chain.
/// </summary>
public static class OriginalMailReader
{
    /// <summary>Beyond this a mail is not read for the page: its attachments make it large, and the facts stand anyway.</summary>
    public const long MaxBytes = 30L * 1024 * 1024;

    /// <summary>The most HTML handed to the sanitizer and shown; a longer body is shown as text.</summary>
    public const int MaxHtml = 400_000;

    private const int MaxAttachments = 100;
    private const int MaxName = 255;

    public static async Task<OriginalMail> ReadAsync(Stream original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        using var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await original.ReadAsync(limited, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new OriginalMail(null, null, null, string.Empty, null, [], [], Truncated: true);
            }

            buffer.Write(limited, 0, read);
        }

        buffer.Position = 0;
        MimeMessage message;
        MailContent content;
        try
        {
            message = await MailParser.LoadAsync(buffer, cancellationToken);
            content = MailParser.Parse(message);
        }
        catch (MailParseException)
        {
            // Intake took it in, so this is rare (a part that no longer decodes); the facts stand without it.
            return new OriginalMail(null, null, null, string.Empty, null, [], [], Truncated: true);
        }

        var attachments = new List<OriginalAttachment>();
        var forwarded = new List<ForwardedMessage>();
        Walk(message.Body, attachments, forwarded, depth: 0);
        foreach (var quoted in ForwardingChain.InText(content.Text))
        {
            if (!forwarded.Any(known => known.From == quoted.From && known.Subject == quoted.Subject))
            {
                forwarded.Add(quoted);
            }
        }

        var html = message.HtmlBody;
        return new OriginalMail(
            content.FromName is { } name ? $"{name} <{content.FromAddress}>" : content.FromAddress,
            content.Subject,
            content.SentAt,
            content.Text,
            html is { Length: > 0 and <= MaxHtml } ? MailHtmlSanitizer.Sanitize(html) : null,
            attachments,
            forwarded,
            Truncated: content.Text.EndsWith(DisplayText.CutMark, StringComparison.Ordinal));
    }

    private static void Walk(MimeEntity? entity, List<OriginalAttachment> attachments, List<ForwardedMessage> forwarded, int depth)
    {
        if (entity is null || depth > 8 || attachments.Count >= MaxAttachments)
        {
            return;
        }

        switch (entity)
        {
            case Multipart multipart:
                foreach (var part in multipart)
                {
                    Walk(part, attachments, forwarded, depth + 1);
                }

                break;
            case MimeKit.MessagePart { Message: { } attached } part:
                forwarded.Add(new ForwardedMessage(
                    attached.From.Count > 0 ? DisplayText.SingleLine(attached.From.ToString(), MaxName) : null,
                    attached.Subject is null ? null : DisplayText.SingleLine(attached.Subject, MaxName),
                    attached.Headers.Contains(HeaderId.Date) ? attached.Date.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null));
                attachments.Add(new OriginalAttachment(Name(part.ContentDisposition?.FileName ?? attached.Subject, "message.eml"), "message/rfc822", null));
                Walk(attached.Body, attachments, forwarded, depth + 1);
                break;
            case MimePart part when part.IsAttachment || part is not TextPart:
                attachments.Add(new OriginalAttachment(Name(part.FileName, "attachment"), part.ContentType.MimeType, Size(part)));
                break;
            default:
                break;
        }
    }

    private static string Name(string? fileName, string fallback) =>
        DisplayText.SingleLine(fileName, MaxName) is { Length: > 0 } name ? name : fallback;

    private static long? Size(MimePart part)
    {
        if (part.Content is null)
        {
            return null;
        }

        using var counter = new CountingStream();
        part.Content.DecodeTo(counter);
        return counter.Length;
    }
}
