using System.Text;
using MimeKit;
using OnePointEntry.Mail.Originals;

namespace OnePointEntry.Mail.Tests.Originals;

public sealed class OriginalMailReaderTests
{
    [Fact]
    public async Task Html_mail_is_shown_without_anything_that_runs_or_loads_and_its_text_is_kept()
    {
        var body = new BodyBuilder
        {
            TextBody = "Dear One-Point Entry, a delegation from Qingdao would like to visit in May.",
            HtmlBody = """
                <p onclick="steal()">Dear One-Point Entry,</p><script>alert(1)</script>
                <img src="https://tracker.example/pixel.gif" alt="Company logo"><style>p{color:red}</style>
                <form action="https://evil.example"><input name="password"></form>
                <a href="javascript:alert(1)">click</a> <a href="https://qingdao.example/">our site</a>
                """,
        };
        var message = Message("Visit request", body.ToMessageBody());

        var original = await ReadAsync(message);

        Assert.Contains("delegation from Qingdao", original.Text, StringComparison.Ordinal);
        Assert.NotNull(original.SafeHtml);
        Assert.DoesNotContain("script", original.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", original.SafeHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", original.SafeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", original.SafeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", original.SafeHtml, StringComparison.Ordinal);
        Assert.Contains("[Company logo]", original.SafeHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://qingdao.example/\"", original.SafeHtml, StringComparison.Ordinal);
        Assert.Contains("noopener", original.SafeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_are_listed_with_their_decoded_size_and_an_attached_message_is_part_of_the_chain()
    {
        var forwarded = Message("Delegation from Liaoyang", new TextPart("plain") { Text = "We plan a visit in June." });
        forwarded.From.Clear();
        forwarded.From.Add(new MailboxAddress("Wang Lei", "wang.lei@liaoyang.example.cn"));
        var builder = new BodyBuilder { TextBody = "Please see the request below." };
        builder.Attachments.Add("programme.pdf", new byte[12_345], new ContentType("application", "pdf"));
        builder.Attachments.Add(new MessagePart { Message = forwarded });
        var message = Message("Fwd: Delegation from Liaoyang", builder.ToMessageBody());

        var original = await ReadAsync(message);

        var pdf = Assert.Single(original.Attachments, attachment => attachment.FileName == "programme.pdf");
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(12_345, pdf.Size);
        Assert.Contains(original.Attachments, attachment => attachment.ContentType == "message/rfc822");
        var link = Assert.Single(original.Forwarded);
        Assert.Contains("wang.lei@liaoyang.example.cn", link.From, StringComparison.Ordinal);
        Assert.Equal("Delegation from Liaoyang", link.Subject);
        Assert.Contains("We plan a visit in June.", original.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_headers_in_the_text_make_the_chain_in_the_order_they_were_passed_on()
    {
        var text = """
            Hej, videresender denne henvendelse fra kommunen.

            ---------- Videresendt meddelelse ---------
            Fra: Erhvervskontoret <erhverv@kommune.example.dk>
            Dato: 3. november 2026 10:12
            Emne: VS: Besøg fra Shenzhen
            Til: One-Point Entry

            > 发件人: 李明 <li.ming@sz.example.cn>
            > 发送时间: 2026年11月1日 9:00
            > 主题: Delegation visit
            > We would like to visit Copenhagen.

            From: the hotel we stay at, which is near the airport.
            """;
        var message = Message("VS: Besøg fra Shenzhen", new TextPart("plain") { Text = text });

        var original = await ReadAsync(message);

        Assert.Equal(2, original.Forwarded.Count);
        Assert.Contains("erhverv@kommune.example.dk", original.Forwarded[0].From, StringComparison.Ordinal);
        Assert.Equal("VS: Besøg fra Shenzhen", original.Forwarded[0].Subject);
        Assert.Contains("li.ming@sz.example.cn", original.Forwarded[1].From, StringComparison.Ordinal);
        Assert.Equal("Delegation visit", original.Forwarded[1].Subject);
        Assert.Null(original.SafeHtml);
    }

    [Fact]
    public async Task A_mail_beyond_what_the_page_reads_is_marked_and_not_read()
    {
        using var huge = new MemoryStream(new byte[OriginalMailReader.MaxBytes + 1]);

        var original = await OriginalMailReader.ReadAsync(huge, CancellationToken.None);

        Assert.True(original.Truncated);
        Assert.Empty(original.Text);
    }

    private static MimeMessage Message(string subject, MimeEntity body)
    {
        var message = new MimeMessage { Subject = subject, Body = body, Date = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(1)) };
        message.From.Add(new MailboxAddress("Anna Larsen", "anna.larsen@kommune.example.dk"));
        message.To.Add(new MailboxAddress("One-Point Entry", "delegations@onepointentry.example"));
        return message;
    }

    private static async Task<OriginalMail> ReadAsync(MimeMessage message)
    {
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream);
        stream.Position = 0;
        return await OriginalMailReader.ReadAsync(stream, CancellationToken.None);
    }
}
