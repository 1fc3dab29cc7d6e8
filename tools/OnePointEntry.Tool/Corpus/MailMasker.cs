using System.Text.RegularExpressions;
using MimeKit;

namespace OnePointEntry.Tool.Corpus;

/// <summary>
/// Takes the people out of a mail before it becomes test material, and leaves what the extractor reads: every
/// address's local part and display name, the names and phone numbers the enquiry stored, any other address or
/// phone number in the text, the trace headers (Received, authentication, client addresses) and binary
/// attachments (a PDF's names cannot be masked) go; organisations, places, dates, numbers of people and the
/// message's language and structure stay. The same person gets the same stand-in throughout the mail.
/// </summary>
internal sealed partial class MailMasker
{
    private static readonly string[] s_traceHeaders =
    [
        "Received", "Return-Path", "X-Originating-IP", "Authentication-Results", "DKIM-Signature", "ARC-Seal",
        "ARC-Message-Signature", "ARC-Authentication-Results", "Received-SPF", "X-Received", "In-Reply-To", "References",
        "Thread-Index", "X-MS-Exchange-Organization-AuthAs", "Delivered-To", "X-Sender", "X-Forwarded-To",
    ];

    private readonly Dictionary<string, string> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _addresses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _knownTexts;

    /// <param name="known">Personal text the enquiry stored (the contact's name and phone): masked wherever it is written.</param>
    public MailMasker(IEnumerable<string?> known) =>
        _knownTexts = [.. known.OfType<string>().Select(text => text.Trim()).Where(IsMaskable).Distinct(StringComparer.Ordinal).OrderByDescending(text => text.Length)];

    public MimeMessage Mask(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var name in s_traceHeaders)
        {
            while (message.Headers.Contains(name))
            {
                message.Headers.Remove(name);
            }
        }

        foreach (var header in message.Headers.Where(header => header.Field.StartsWith("X-MS-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            message.Headers.Remove(header);
        }

        foreach (var list in new[] { message.From, message.To, message.Cc, message.Bcc, message.ReplyTo })
        {
            MaskAddresses(list);
        }

        if (message.Sender is { } sender)
        {
            message.Sender = MaskMailbox(sender);
        }

        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("corpus.example");
        if (message.Subject is { } subject)
        {
            message.Subject = MaskText(subject);
        }

        if (message.Body is not null)
        {
            message.Body = MaskEntity(message.Body);
        }

        return message;
    }

    private MimeEntity? MaskEntity(MimeEntity entity)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var part in multipart.ToList())
                {
                    var masked = MaskEntity(part);
                    if (masked is null)
                    {
                        multipart.Remove(part);
                    }
                    else if (!ReferenceEquals(masked, part))
                    {
                        multipart[multipart.IndexOf(part)] = masked;
                    }
                }

                return multipart;
            case MessagePart { Message: { } inner } messagePart:
                messagePart.Message = Mask(inner);
                return messagePart;
            case TextPart text:
                text.SetText(EncodingOf(text), MaskText(text.Text));
                return text;
            case MimePart part:
                var name = part.FileName ?? part.ContentType.MimeType;
                return new TextPart("plain") { Text = $"[attachment removed from the example: {MaskText(name)}]" };
            default:
                return entity;
        }
    }

    // The mail's own charset where .NET has it, so a GB2312 or Shift_JIS example stays one.
    private static System.Text.Encoding EncodingOf(TextPart text)
    {
        try
        {
            return text.ContentType.CharsetEncoding ?? System.Text.Encoding.UTF8;
        }
        catch (Exception exception) when (exception is NotSupportedException or ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
    }

    private void MaskAddresses(InternetAddressList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is MailboxAddress mailbox)
            {
                list[i] = MaskMailbox(mailbox);
            }
        }
    }

    private MailboxAddress MaskMailbox(MailboxAddress mailbox)
    {
        if (!string.IsNullOrWhiteSpace(mailbox.Name) && IsMaskable(mailbox.Name.Trim()) && !_knownTexts.Contains(mailbox.Name.Trim()))
        {
            _knownTexts.Add(mailbox.Name.Trim());
            _knownTexts.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        var address = MaskAddress(mailbox.Address);
        return new MailboxAddress(string.IsNullOrWhiteSpace(mailbox.Name) ? null : PersonFor(mailbox.Name.Trim()), address);
    }

    private string MaskAddress(string address)
    {
        if (_addresses.TryGetValue(address, out var masked))
        {
            return masked;
        }

        var at = address.LastIndexOf('@');
        var domain = at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "example.invalid";
        masked = $"person{_addresses.Count + 1}@{domain}";
        _addresses[address] = masked;
        return masked;
    }

    private string PersonFor(string name)
    {
        if (!_people.TryGetValue(name, out var person))
        {
            person = $"Person {_people.Count + 1}";
            _people[name] = person;
        }

        return person;
    }

    // A Chinese name is often two characters; a Latin one shorter than three would mask parts of ordinary words.
    private static bool IsMaskable(string text) => text.Length >= 3 || (text.Length == 2 && text.Any(c => c > '\u2E7F'));

    private string MaskText(string text)
    {
        var masked = EmailAddress().Replace(text, match => MaskAddress(match.Value));
        foreach (var known in _knownTexts)
        {
            masked = masked.Replace(known, PersonFor(known), StringComparison.OrdinalIgnoreCase);
        }

        return PhoneNumber().Replace(masked, "+00 0000 0000");
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAddress();

    // International numbers (a leading +) and runs of eight or more digits with spaces between: never a date,
    // which the extractor must keep.
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ \-.]?(?:\(0\)[ ]?)?(?:\d[ \-.]?){6,14}\d|(?:\d ?){7,14}\d)(?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhoneNumber();
}
