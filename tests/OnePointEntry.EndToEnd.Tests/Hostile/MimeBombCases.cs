using System.Globalization;
using System.Text;
using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Mail built to hurt a parser: deep nesting, huge header counts and folds, broken encodings and boundaries. Each
/// is taken in (202), kept whole, and stored with bounded, clean fields, for screening or for a person to read.
/// </summary>
public static class MimeBombCases
{
    private static readonly string[] s_stored = ["Received", "Screened", "Routed", "NeedsManualReview", "RoutingFailed"];

    private static readonly string[] s_singleLines = ["Organisation", "ContactName", "ContactEmail", "MailSubject", "City", "Country"];

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("A subject folded 10,000 times", () => RawMail(MailText(subject: Folded("Delegation", 10_000))),
            Expected.Accepted(enquiry =>
            {
                Assert.Contains("MailSubject", enquiry.CutFields);
                Assert.True(IsOneCleanLine(enquiry.Stored("MailSubject")));
            })),
        new("Headers folded 10,000 times in an unknown header", () => RawMail(MailText(extraHeaders: "X-Padding: " + Folded("start", 10_000) + "\r\n")), KeptWhole()),
        new("50,000 headers", () => RawMail(MailText(extraHeaders: string.Concat(Enumerable.Range(0, 50_000).Select(i => $"X-Header-{i}: value {i}\r\n")))), KeptWhole()),
        new("A single header line of 1 MB without folding", () => RawMail(MailText(extraHeaders: "X-Long: " + new string('x', 1_000_000) + "\r\n")), KeptWhole()),
        new("Multipart nested 1,000 deep", () => RawMail(Nested(1_000, "multipart/mixed")), KeptWhole()),
        new("Multipart nested 100 deep with the text at the bottom", () => RawMail(Nested(100, "multipart/alternative")), KeptWhole()),
        new("Attached messages nested 200 deep", () => RawMail(NestedMessages(200)), KeptWhole()),
        new("10,000 empty parts in one multipart", () => RawMail(MailText(contentType: "multipart/mixed; boundary=\"p\"", body: string.Concat(Enumerable.Repeat("--p\r\nContent-Type: text/plain\r\n\r\n\r\n", 10_000)) + "--p--")), KeptWhole()),
        new("Base64 garbage as the text body", () => RawMail(MailText(extraHeaders: "Content-Transfer-Encoding: base64\r\n", body: "!!!@@@###$$$%%%^^^&&&***((()))____+++===~~~")), KeptWhole()),
        new("Base64 of the wrong length as the text body", () => RawMail(MailText(extraHeaders: "Content-Transfer-Encoding: base64\r\n", body: "V2UgdmlzaXQgaW4gTWF5=")), KeptWhole()),
        new("A megabyte of base64 garbage in an attachment", () => RawMail(MailText(contentType: "multipart/mixed; boundary=\"g\"",
                body: "--g\r\nContent-Type: text/plain\r\n\r\nProgramme attached. casino poker lottery\r\n--g\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + new string('%', 1_000_000) + "\r\n--g--")), KeptWhole()),
        new("Quoted-printable garbage", () => RawMail(MailText(extraHeaders: "Content-Transfer-Encoding: quoted-printable\r\n", body: "casino poker lottery We visit =ZZ in May =\r\n=0=\r\n=E2=82")), KeptWhole()),
        new("A multipart whose boundary never appears", () => RawMail(MailText(contentType: "multipart/mixed; boundary=\"never\"", body: "We are 8 people visiting in May. casino poker lottery")), KeptWhole()),
        new("A multipart without its closing boundary", () => RawMail(MailText(contentType: "multipart/mixed; boundary=\"open\"", body: "--open\r\nContent-Type: text/plain\r\n\r\nWe are 8 people visiting in May. casino poker lottery")), KeptWhole()),
        new("A multipart with no boundary parameter", () => RawMail(MailText(contentType: "multipart/mixed", body: "We are 8 people visiting in May. casino poker lottery")), KeptWhole()),
        new("An unknown Content-Transfer-Encoding", () => RawMail(MailText(extraHeaders: "Content-Transfer-Encoding: x-rot13\r\n")), KeptWhole()),
        new("Headers only, no blank line and no body", () => RawMail("From: ann@example.org\r\nSubject: Delegation\r\nMessage-ID: <" + Unique() + "@hostile.example>"), KeptWhole()),
        new("100 KB of random bytes", () => RawMail(RandomBytes(100_000)), KeptWhole()),
        new("NUL bytes inside header names and values", () => RawMail(MailText(extraHeaders: "X-N\0ul: va\0lue\r\n", subject: "Visit\0in May")), KeptWhole(enquiry => Assert.True(IsOneCleanLine(enquiry.Stored("MailSubject"))))),
        new("5,000 encoded words in the subject", () => RawMail(MailText(subject: string.Join(" ", Enumerable.Repeat("=?utf-8?q?Bes=C3=B8g?=", 5_000)))),
            KeptWhole(enquiry => Assert.Contains("MailSubject", enquiry.CutFields))),
        new("10,000 recipients", () => RawMail(MailText(extraHeaders: "Cc: " + string.Join(",\r\n ", Enumerable.Range(0, 10_000).Select(i => $"r{i}@example.org")) + "\r\n")), KeptWhole()),
        new("An HTML-only body with 100,000 nested tags", () => RawMail(MailText(contentType: "text/html; charset=utf-8", body: string.Concat(Enumerable.Repeat("<div>", 100_000)) + "We visit in May " + NotForScreening)), KeptWhole()),
    ];

    /// <summary>A 202 with the mail kept whole under its name, and <paramref name="check"/> true of the enquiry.</summary>
    private static Expected KeptWhole(Action<StoredEnquiry>? check = null) => Expected.AcceptedThen(async enquiry =>
    {
        Assert.Contains(enquiry.Status, s_stored);
        var name = Expected.Text(enquiry.View, "mailOriginal");
        Assert.NotNull(name);
        Assert.True((await enquiry.App.Blobs.GetBlobContainerClient("mail-originals").GetBlobClient(name).ExistsAsync()).Value);
        foreach (var property in s_singleLines)
        {
            Assert.True(IsOneCleanLine(enquiry.Stored(property)), $"{property} holds control characters");
        }

        check?.Invoke(enquiry);
    });

    private static string Nested(int depth, string kind)
    {
        var body = new StringBuilder();
        for (var level = 1; level < depth; level++)
        {
            body.Append(CultureInfo.InvariantCulture, $"--b{level}\r\nContent-Type: {kind}; boundary=\"b{level + 1}\"\r\n\r\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"--b{depth}\r\nContent-Type: text/plain\r\n\r\nWe are 8 people visiting in May. casino poker lottery\r\n--b{depth}--\r\n");
        for (var level = depth - 1; level >= 1; level--)
        {
            body.Append(CultureInfo.InvariantCulture, $"--b{level}--\r\n");
        }

        return MailText(contentType: $"{kind}; boundary=\"b1\"", body: body.ToString());
    }

    private static string NestedMessages(int depth)
    {
        var inner = MailText(subject: "Innermost", body: "We are 8 people visiting in May. casino poker lottery");
        for (var level = 0; level < depth; level++)
        {
            inner = MailText(subject: $"Fwd {level}", contentType: "message/rfc822", body: inner);
        }

        return inner;
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(13).NextBytes(bytes);
        return bytes;
    }
}
