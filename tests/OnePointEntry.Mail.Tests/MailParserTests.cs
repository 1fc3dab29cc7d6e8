using System.Text;
using MimeKit;
using OnePointEntry.Mail;

namespace OnePointEntry.Mail.Tests;

public sealed class MailParserTests
{
    private static MimeMessage Message(MimeEntity body, string subject = "Visit")
    {
        var message = new MimeMessage { Subject = subject, Date = new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)), Body = body };
        message.From.Add(new MailboxAddress("Li Wei", "li@example.cn"));
        message.To.Add(new MailboxAddress("One-Point Entry", "kontakt@onepointentry.example"));
        return message;
    }

    private static byte[] Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    [Theory]
    [InlineData("gb2312", ContentEncoding.Base64)]
    [InlineData("gbk", ContentEncoding.Base64)]
    [InlineData("gb18030", ContentEncoding.QuotedPrintable)]
    [InlineData("utf-8", ContentEncoding.QuotedPrintable)]
    [InlineData("utf-8", ContentEncoding.EightBit)]
    public void Chinese_text_decodes_in_every_charset_and_transfer_encoding(string charset, ContentEncoding encoding)
    {
        var part = new TextPart("plain") { ContentTransferEncoding = encoding };
        part.SetText(charset, "辽阳市代表团一行5人拟访问丹麦。");

        var content = MailParser.Parse(Raw(Message(part)));

        Assert.Contains("辽阳市代表团一行5人拟访问丹麦", content.Text, StringComparison.Ordinal);
        Assert.Equal("li@example.cn", content.FromAddress);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)), content.SentAt);
    }

    [Fact]
    public void Html_only_mail_becomes_readable_text()
    {
        var html = new TextPart("html") { Text = "<html><head><style>p{color:red}</style></head><body><p>Dear team,</p><p>We are <b>8&nbsp;officials</b> from Dalian.<br>Thank&amp;you</p></body></html>" };

        var content = MailParser.Parse(Raw(Message(html)));

        Assert.Contains("We are 8 officials from Dalian.", content.Text, StringComparison.Ordinal);
        Assert.Contains("Thank&you", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_preferred_over_its_html_alternative()
    {
        var alternative = new MultipartAlternative { new TextPart("plain") { Text = "plain version" }, new TextPart("html") { Text = "<p>html version</p>" } };

        Assert.Equal("plain version", MailParser.Parse(Raw(Message(alternative))).Text);
    }

    [Fact]
    public void An_attached_message_is_appended_as_a_forwarded_message()
    {
        var original = Message(new TextPart("plain") { Text = "Seven officials from Changwon." }, "Changwon delegation");
        var mixed = new Multipart("mixed") { new TextPart("plain") { Text = "Vedlagt mail fra Changwon." }, new MessagePart { Message = original } };

        var content = MailParser.Parse(Raw(Message(mixed, "Fw: Changwon delegation")));

        Assert.StartsWith("Vedlagt mail fra Changwon.", content.Text, StringComparison.Ordinal);
        Assert.Contains(MailParser.AttachedMessageMarker + "\nFrom: \"Li Wei\" <li@example.cn>", content.Text, StringComparison.Ordinal);
        Assert.Contains("Subject: Changwon delegation", content.Text, StringComparison.Ordinal);
        Assert.EndsWith("Seven officials from Changwon.", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_attachment_is_kept_apart_and_binary_attachments_are_skipped()
    {
        var mixed = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "See the wish list." },
            new TextPart("plain") { Text = "Science park visit", FileName = "wishes.txt", IsAttachment = true },
            new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream([1, 2, 3])), FileName = "list.pdf", IsAttachment = true },
        };

        var content = MailParser.Parse(Raw(Message(mixed)));

        Assert.Equal("See the wish list.", content.Text);
        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("wishes.txt", attachment.FileName);
        Assert.Equal("Science park visit", attachment.Text);
    }

    [Fact]
    public void Encoded_headers_are_decoded()
    {
        var raw = "From: =?gbk?B?wda8ztDA?= <overseas@example.cn>\r\nSubject: =?utf-8?B?5ZiJ5YW05biC?=\r\nDate: Wed, 21 Jan 2026 11:48:09 +0800\r\nMessage-ID: <abc@example.cn>\r\n\r\nHello\r\n";

        var content = MailParser.Parse(Encoding.ASCII.GetBytes(raw));

        Assert.Equal("林嘉欣", content.FromName);
        Assert.Equal("嘉兴市", content.Subject);
        Assert.Equal("abc@example.cn", content.MessageId);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", true)]
    [InlineData("Auto-Submitted: auto-generated", true)]
    [InlineData("Auto-Submitted: no", false)]
    [InlineData("Precedence: bulk", true)]
    [InlineData("Precedence: list", true)]
    [InlineData("Precedence: junk", true)]
    [InlineData("List-Id: <news.example.cn>", true)]
    [InlineData("Return-Path: <>", true)]
    [InlineData("Return-Path: <li@example.cn>", false)]
    [InlineData("X-Mailer: Foxmail", false)]
    public void Automated_mail_is_recognised_by_its_headers(string header, bool automated)
    {
        var raw = $"From: li@example.cn\r\n{header}\r\nSubject: Out of office\r\nDate: Wed, 21 Jan 2026 11:48:09 +0800\r\n\r\nI am away.\r\n";

        Assert.Equal(automated, MailParser.Parse(Encoding.ASCII.GetBytes(raw)).IsAutomated);
    }

    [Fact]
    public void Something_that_is_not_a_mail_raises_a_parse_exception_with_a_reason()
    {
        var exception = Assert.Throws<MailParseException>(() => MailParser.Parse(Array.Empty<byte>()));

        Assert.False(string.IsNullOrWhiteSpace(exception.Message));
    }
}
