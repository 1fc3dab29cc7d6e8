using System.Text;
using MimeKit;
using OnePointEntry.Tool.Corpus;

namespace OnePointEntry.Tool.Tests.Corpus;

public sealed class MailMaskerTests
{
    private const string Forward = """
        From: "Karen Holm Jensen" <karen.holm@glostrup.dk>
        To: delegations@onepointentry.example
        Cc: Mads Eriksen <mads.eriksen@glostrup.dk>
        Subject: VS: Delegation from Liaoyang, 10-12 March 2027
        Date: Mon, 30 Nov 2026 10:15:00 +0100
        Message-ID: <a1b2c3@glostrup.dk>
        Received: from mail.glostrup.dk (10.1.2.3) by outlook.example
        X-MS-Exchange-Organization-SCL: 1
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Kære One-Point Entry,

        Vi videresender en henvendelse fra Liaoyang. Kontakt: Wang Fang, wang.fang@ly.example.cn, tlf. +86 419 555 0123 eller 13912345678.
        Delegationen på 6 personer ankommer 2027-03-10 og rejser 12.03.2027.

        Med venlig hilsen
        Karen Holm Jensen
        Glostrup Kommune, tlf. 43 23 60 00
        --b1
        Content-Type: application/pdf; name="programme.pdf"
        Content-Disposition: attachment; filename="programme.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfs
        --b1--
        """;

    [Fact]
    public void People_addresses_phone_numbers_and_trace_headers_go_and_what_the_extractor_reads_stays()
    {
        var masked = Mask(Forward, "Wang Fang", "+86 419 555 0123");
        var text = masked.ToString();

        foreach (var personal in new[] { "Karen", "Holm", "Mads", "Eriksen", "karen.holm@", "wang.fang@", "Wang Fang", "419 555", "13912345678", "43 23 60 00", "10.1.2.3", "a1b2c3", "JVBERi0" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        var body = masked.BodyParts.OfType<TextPart>().First().Text;
        foreach (var kept in new[] { "Liaoyang", "Glostrup Kommune", "6 personer", "2027-03-10", "12.03.2027", "Kære One-Point Entry" })
        {
            Assert.Contains(kept, body, StringComparison.Ordinal);
        }

        Assert.EndsWith("@glostrup.dk", masked.From.Mailboxes.Single().Address, StringComparison.Ordinal);
        Assert.Equal("Person 1", masked.From.Mailboxes.Single().Name);
        Assert.Contains("Person 1", body, StringComparison.Ordinal);
        Assert.Contains("[attachment removed from the example: programme.pdf]", text, StringComparison.Ordinal);
        Assert.Equal("VS: Delegation from Liaoyang, 10-12 March 2027", masked.Subject);
    }

    [Fact]
    public void A_Chinese_mail_keeps_its_charset_and_its_words()
    {
        CodePages.Register();
        var gb2312 = Encoding.GetEncoding("gb2312");
        var body = "尊敬的先生：辽阳市人民政府代表团一行6人拟于2027年3月10日访问哥本哈根。联系人：王芳，电话 13912345678。";
        var raw = "From: =?gb2312?B?" + Convert.ToBase64String(gb2312.GetBytes("王芳")) + "?= <wangfang@ly.example.cn>\r\nTo: delegations@onepointentry.example\r\nSubject: visit\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Convert.ToBase64String(gb2312.GetBytes(body)) + "\r\n";

        var masked = new MailMasker(["王芳"]).Mask(MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw))));

        var part = Assert.IsType<TextPart>(masked.Body);
        Assert.Equal("gb2312", part.ContentType.Charset, ignoreCase: true);
        Assert.Contains("辽阳市人民政府代表团一行6人拟于2027年3月10日", part.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", part.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", part.Text, StringComparison.Ordinal);
    }

    private static MimeMessage Mask(string mail, params string[] known) =>
        new MailMasker(known).Mask(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.ReplaceLineEndings("\r\n")))));
}
