using System.Text;
using MimeKit;
using MimeKit.Text;
using OnePointEntry.Extraction;
using OnePointEntry.Text;

namespace OnePointEntry.Mail;

/// <summary>
/// Reads an RFC 822 message with MimeKit and reduces it to <see cref="MailContent"/>: the body as plain
/// text in whatever charset it came (UTF-8, GB2312/GBK/GB18030, Windows-1252, ...), HTML-only mail turned
/// into text, attached messages (message/rfc822) appended as forwarded messages, text attachments kept apart.
/// </summary>
/// <remarks>
/// .NET itself only knows UTF-8/16/32, ASCII and Latin-1, and MimeKit 4 on .NET does not register the code
/// pages: without <see cref="CodePagesEncodingProvider"/> a GB2312, GBK or GB18030 body decodes as Latin-1
/// mojibake. The provider ships with the shared framework (no package); it is registered once, here. MimeKit
/// resolves a charset once and remembers the answer, so the registration must come before the process's first
/// use of MimeKit: true for the app, where MimeKit is only reached through this class; a test or tool that
/// builds MimeKit objects itself registers the provider first (see the Mail tests' module initializer).
/// </remarks>
public static class MailParser
{
    static MailParser()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Made only now: ParserOptions is MimeKit, and the code pages must be registered before MimeKit is touched.
        s_parserOptions = new ParserOptions { MaxMimeDepth = 32 };
    }

    /// <summary>The line put before each attached message, in the style mail clients use for forwards.</summary>
    public const string AttachedMessageMarker = "-------- Forwarded message --------";

    private const int MaxDepth = 8;

    /// <summary>
    /// The most text read from one mail, in characters. Intake keeps far less; the rest is not lost, since the
    /// whole mail is kept as it came. Extraction over megabytes of text would only cost time.
    /// </summary>
    public const int MaxText = 200_000;

    /// <summary>The longest subject read; a header folded thousands of times is cut here.</summary>
    public const int MaxSubject = 10_000;

    /// <summary>The most text attachments read from one mail.</summary>
    public const int MaxTextAttachments = 20;

    /// <summary>The longest sender's display name read.</summary>
    public const int MaxFromName = 1_000;

    // Deeper multiparts are read as one opaque part rather than recursed into: the nesting of real mail is a handful
    // of levels, and a crafted one of thousands would cost the parser's stack.
    private static readonly ParserOptions s_parserOptions;

    public static MailContent Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(s_parserOptions, stream);
        }
        catch (FormatException exception)
        {
            throw new MailParseException($"The message is not valid MIME: {exception.Message}", exception);
        }

        return Parse(message);
    }

    /// <summary>The message itself, read with the same limits (and after the code pages are registered), for reading more of it than intake does.</summary>
    public static async Task<MimeMessage> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return await MimeMessage.LoadAsync(s_parserOptions, stream, cancellationToken);
        }
        catch (FormatException exception)
        {
            throw new MailParseException($"The message is not valid MIME: {exception.Message}", exception);
        }
    }

    public static MailContent Parse(byte[] rawMessage)
    {
        ArgumentNullException.ThrowIfNull(rawMessage);
        using var stream = new MemoryStream(rawMessage, writable: false);
        return Parse(stream);
    }

    public static MailContent Parse(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Headers.Count == 0 || (message.From.Count == 0 && message.Date == DateTimeOffset.MinValue && message.Body is null))
        {
            throw new MailParseException("The message has no headers: it is not an e-mail.");
        }

        var text = new StringBuilder();
        var attachments = new List<TextAttachment>();
        AppendBody(message.Body, text, attachments, depth: 0);
        var body = Normalise(text.Length > MaxText ? DisplayText.Bound(text.ToString(0, MaxText + 1), MaxText) : text.ToString());
        if (body.Length == 0 && string.IsNullOrWhiteSpace(message.Subject) && attachments.Count == 0)
        {
            throw new MailParseException("The message has neither a subject nor any readable text.");
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        return new MailContent
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId,
            // Header text is one line of visible text wherever it is shown again, whatever the sender put in it.
            Subject = message.Subject is null ? null : DisplayText.SingleLine(message.Subject, MaxSubject),
            FromAddress = from?.Address,
            FromName = DisplayText.SingleLine(from?.Name, MaxFromName) is { Length: > 0 } name ? name : null,
            SentAt = message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            Text = body,
            Attachments = attachments,
            IsAutomated = AutomatedMail.IsAutomated(message.Headers),
        };
    }

    private static void AppendBody(MimeEntity? entity, StringBuilder text, List<TextAttachment> attachments, int depth)
    {
        if (entity is null || depth > MaxDepth)
        {
            return;
        }

        switch (entity)
        {
            case MultipartAlternative alternative:
                AppendBody(PreferredAlternative(alternative), text, attachments, depth + 1);
                break;
            case Multipart multipart:
                foreach (var part in multipart)
                {
                    AppendBody(part, text, attachments, depth + 1);
                }

                break;
            case MimeKit.MessagePart { Message: { } attached }:
                AppendAttachedMessage(attached, text, attachments, depth);
                break;
            case TextPart textPart when textPart.IsAttachment && !string.IsNullOrEmpty(textPart.FileName):
                if (attachments.Count < MaxTextAttachments)
                {
                    var content = ReadText(textPart);
                    attachments.Add(new TextAttachment(
                        DisplayText.SingleLine(textPart.FileName, MaxFromName),
                        Normalise(content.Length > MaxText ? DisplayText.Bound(content, MaxText) : content)));
                }

                break;
            case TextPart textPart:
                AppendParagraph(text, ReadText(textPart));
                break;
            default:
                // Images, PDFs and other binary attachments carry nothing the extractor can read.
                break;
        }
    }

    private static MimeEntity? PreferredAlternative(MultipartAlternative alternative)
    {
        // The plain-text alternative is what the sender's client wrote; HTML is converted only when it is all there is.
        return alternative.OfType<TextPart>().LastOrDefault(part => part.IsPlain && !string.IsNullOrWhiteSpace(part.Text))
            ?? alternative.LastOrDefault(part => part is not TextPart || ((TextPart)part).IsHtml)
            ?? alternative.LastOrDefault();
    }

    private static void AppendAttachedMessage(MimeMessage attached, StringBuilder text, List<TextAttachment> attachments, int depth)
    {
        var header = new StringBuilder();
        header.Append(AttachedMessageMarker).Append('\n');
        if (attached.From.Count > 0)
        {
            header.Append("From: ").Append(attached.From.ToString()).Append('\n');
        }

        if (attached.Headers.Contains(HeaderId.Date))
        {
            header.Append("Date: ").Append(attached.Date.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(attached.Subject))
        {
            header.Append("Subject: ").Append(attached.Subject).Append('\n');
        }

        if (attached.To.Count > 0)
        {
            header.Append("To: ").Append(attached.To.ToString()).Append('\n');
        }

        AppendParagraph(text, header.ToString());
        AppendBody(attached.Body, text, attachments, depth + 1);
    }

    private static string ReadText(TextPart part)
    {
        string content;
        try
        {
            content = part.Text ?? string.Empty;
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException or DecoderFallbackException)
        {
            throw new MailParseException($"A {part.ContentType.MimeType} part cannot be decoded: {exception.Message}", exception);
        }

        if (part.IsHtml)
        {
            return HtmlText.Convert(content);
        }

        if (part.IsFlowed)
        {
            var converter = new FlowedToText();
            return converter.Convert(content);
        }

        return content;
    }

    private static void AppendParagraph(StringBuilder text, string content)
    {
        if (string.IsNullOrWhiteSpace(content) || text.Length > MaxText)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(content.TrimEnd());
    }

    // NUL and the other control characters (tabs and line ends aside) carry nothing readable in mail text.
    private static string WithoutControls(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return text;
        }

        return string.Concat(text.Where(c => !char.IsControl(c) || c is '\n' or '\t'));
    }

    /// <summary>Line ends as \n, non-breaking spaces as spaces, no trailing blanks, at most one empty line in a row.</summary>
    internal static string Normalise(string text)
    {
        var lines = WithoutControls(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ')).Split('\n');
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blank > 0 ? "\n\n" : "\n");
            }

            blank = 0;
            builder.Append(line);
        }

        return builder.ToString();
    }
}
