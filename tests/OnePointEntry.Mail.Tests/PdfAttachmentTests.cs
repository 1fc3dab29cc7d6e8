using System.Text;
using MimeKit;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;
using OnePointEntry.Mail.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OnePointEntry.Mail.Tests;

public sealed class PdfAttachmentTests
{
    private const string Body = "Dear One-Point Entry, please find our programme attached.";

    private static MimeMessage Message(params MimeEntity[] attachments)
    {
        var mixed = new Multipart("mixed") { new TextPart("plain") { Text = Body } };
        foreach (var attachment in attachments)
        {
            mixed.Add(attachment);
        }

        var message = new MimeMessage { Subject = "Study visit in May", Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), Body = mixed };
        message.From.Add(new MailboxAddress("Chen Jie", "chen@example.cn"));
        message.To.Add(new MailboxAddress("One-Point Entry", "kontakt@onepointentry.example"));
        return message;
    }

    private static MimePart Pdf(byte[] pdf, string? fileName = "programme.pdf", string mediaSubtype = "pdf") => new("application", mediaSubtype)
    {
        Content = new MimeContent(new MemoryStream(pdf)),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
        IsAttachment = true,
    };

    private static MailContent Parse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return MailParser.Parse(stream.ToArray());
    }

    private static string[] Lines(string text) => text.Split('\n');

    // A programme as delegations send them: a title, the group, then a table of days drawn cell by cell.
    private static byte[] Programme()
    {
        using var builder = new PdfDocumentBuilder();
        var helvetica = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        first.AddText("Programme of the Guangzhou Health Commission delegation", 14, new PdfPoint(50, 780), helvetica);
        first.AddText("Group size: 12 persons", 11, new PdfPoint(50, 750), helvetica);
        string[][] rows =
        [
            ["Date", "Time", "Visit"],
            ["14 May 2026", "10:00", "Arrival in Copenhagen"],
            ["15 May 2026", "09:30", "Rigshospitalet, elderly care"],
        ];
        for (var row = 0; row < rows.Length; row++)
        {
            for (var cell = 0; cell < rows[row].Length; cell++)
            {
                first.AddText(rows[row][cell], 11, new PdfPoint(50 + (cell * 120), 710 - (row * 18)), helvetica);
            }
        }

        var second = builder.AddPage(PageSize.A4);
        second.AddText("16 May 2026  Departure from Copenhagen Airport", 11, new PdfPoint(50, 780), helvetica);
        return builder.Build();
    }

    private static byte[] Pages(int count)
    {
        using var builder = new PdfDocumentBuilder();
        var helvetica = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var number = 1; number <= count; number++)
        {
            builder.AddPage(PageSize.A4).AddText($"Page {number} of the programme", 11, new PdfPoint(50, 780), helvetica);
        }

        return builder.Build();
    }

    [Fact]
    public void A_pdf_programme_is_read_line_by_line_into_the_attachments()
    {
        var content = Parse(Message(Pdf(Programme())));

        Assert.Equal(Body, content.Text);
        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("programme.pdf", attachment.FileName);
        var lines = Lines(attachment.Text);
        Assert.Contains("Programme of the Guangzhou Health Commission delegation", lines);
        Assert.Contains("Group size: 12 persons", lines);
        // Table rows stay rows: the cells of one baseline on one line, a space between them.
        Assert.Contains("Date Time Visit", lines);
        Assert.Contains("14 May 2026 10:00 Arrival in Copenhagen", lines);
        Assert.Contains("15 May 2026 09:30 Rigshospitalet, elderly care", lines);
        Assert.Contains("16 May 2026 Departure from Copenhagen Airport", lines);
    }

    [Fact]
    public void A_pdf_sent_as_octet_stream_is_read_by_its_name_and_other_octet_streams_are_not()
    {
        var content = Parse(Message(Pdf(Programme(), "Programme.PDF", "octet-stream"), Pdf(Programme(), "programme.bin", "octet-stream")));

        var attachment = Assert.Single(content.Attachments);
        Assert.Equal("Programme.PDF", attachment.FileName);
        Assert.Contains("Group size: 12 persons", Lines(attachment.Text));
    }

    [Fact]
    public void A_mail_with_a_text_attachment_and_a_pdf_keeps_both_apart_from_the_body()
    {
        var wishes = new TextPart("plain") { Text = "We wish to see a science park.", FileName = "wishes.txt", IsAttachment = true };

        var content = Parse(Message(wishes, Pdf(Programme())));

        Assert.Equal(Body, content.Text);
        Assert.Collection(
            content.Attachments,
            text => Assert.Equal(("wishes.txt", "We wish to see a science park."), (text.FileName, text.Text)),
            pdf =>
            {
                Assert.Equal("programme.pdf", pdf.FileName);
                Assert.Contains("14 May 2026 10:00 Arrival in Copenhagen", Lines(pdf.Text));
            });
    }

    [Fact]
    public void Only_the_first_pages_are_read()
    {
        var content = Parse(Message(Pdf(Pages(PdfText.MaxPages + 5))));

        var lines = Lines(Assert.Single(content.Attachments).Text);
        Assert.Contains($"Page {PdfText.MaxPages} of the programme", lines);
        Assert.DoesNotContain($"Page {PdfText.MaxPages + 1} of the programme", lines);
    }

    [Fact]
    public void Only_the_first_pdfs_of_a_mail_are_read()
    {
        var pdfs = Enumerable.Range(1, MailParser.MaxPdfAttachments + 2).Select(n => Pdf(Programme(), $"programme-{n}.pdf")).ToArray();

        var content = Parse(Message(pdfs));

        Assert.Equal(
            Enumerable.Range(1, MailParser.MaxPdfAttachments).Select(n => $"programme-{n}.pdf"),
            content.Attachments.Select(attachment => attachment.FileName));
    }

    public static TheoryData<string> Unreadable() => ["random bytes", "truncated", "header and garbage", "html named pdf", "empty", "arrays nested 100000 deep"];

    private static byte[] UnreadablePdf(string kind)
    {
        var programme = Programme();
        return kind switch
        {
            "random bytes" => new Random(20260514).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 50_000),
            // Cut before its cross-reference table and trailer: no catalog to be found.
            "truncated" => programme[..(programme.Length / 2)],
            "header and garbage" => [.. Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n"), .. new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 20_000)],
            "html named pdf" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>14 May 2026, 12 persons</p></body></html>"),
            "empty" => [],
            "arrays nested 100000 deep" => HandWrittenPdf.Build(
                $"<< /Type /Catalog /Pages 2 0 R /Deep {new string('[', 100_000)} >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                HandWrittenPdf.Helvetica,
                HandWrittenPdf.Stream("BT /F1 12 Tf 72 700 Td (14 May 2026) Tj ET")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void An_unreadable_pdf_gives_no_text_and_the_rest_of_the_mail_is_read(string kind)
    {
        var content = Parse(Message(Pdf(UnreadablePdf(kind))));

        Assert.Empty(content.Attachments);
        Assert.Equal(Body, content.Text);
        Assert.Equal("Study visit in May", content.Subject);
        Assert.Equal("chen@example.cn", content.FromAddress);
    }

    [Fact]
    public void A_pdf_that_needs_a_password_gives_no_text()
    {
        var locked = HandWrittenPdf.Encrypted("14 May 2026, 12 persons", userPassword: "delegation", ownerPassword: "owner");
        // The fixture is a real encrypted document, not a broken one: with its password PdfPig reads it.
        using (var document = PdfDocument.Open(locked, new ParsingOptions { Password = "delegation" }))
        {
            Assert.Contains("14 May 2026", document.GetPage(1).Text, StringComparison.Ordinal);
        }

        var content = Parse(Message(Pdf(locked)));

        Assert.Empty(content.Attachments);
        Assert.Equal(Body, content.Text);
    }

    [Fact]
    public void A_pdf_locked_only_against_changes_is_read_as_any_viewer_opens_it()
    {
        var restricted = HandWrittenPdf.Encrypted("14 May 2026, 12 persons", userPassword: string.Empty, ownerPassword: "owner");

        var content = Parse(Message(Pdf(restricted)));

        Assert.Equal("14 May 2026, 12 persons", Assert.Single(content.Attachments).Text);
    }

    [Fact]
    public void A_pdf_larger_than_the_bound_is_not_read_and_one_just_under_it_is()
    {
        // The same one-page document, padded with a comment after its header to either side of the bound.
        static byte[] WithComment(int length) => HandWrittenPdf.Build(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                HandWrittenPdf.Stream("BT /F1 12 Tf 72 700 Td (14 May 2026) Tj ET"),
                HandWrittenPdf.Helvetica,
            ],
            header: "%PDF-1.4\n%" + new string('x', length) + "\n");
        static byte[] Padded(int size) => WithComment(size - WithComment(size - 1_000).Length + (size - 1_000));

        var over = Padded(PdfText.MaxBytes + 1);
        var under = Padded(PdfText.MaxBytes - 1);
        Assert.Equal(PdfText.MaxBytes + 1, over.Length);

        Assert.Empty(Parse(Message(Pdf(over))).Attachments);
        Assert.Equal("14 May 2026", Assert.Single(Parse(Message(Pdf(under))).Attachments).Text);
    }

    [Fact]
    public void Forms_that_draw_each_other_are_cut_off_instead_of_overflowing_the_stack()
    {
        // Form A draws B and B draws A: PdfPig alone recurses until the process dies.
        var pdf = HandWrittenPdf.OnePage(
            "BT /F1 12 Tf 72 700 Td (14 May 2026) Tj ET /A Do",
            "/XObject << /A 6 0 R /B 7 0 R >>",
            HandWrittenPdf.Stream("/B Do", "/Type /XObject /Subtype /Form /BBox [0 0 595 842]"),
            HandWrittenPdf.Stream("/A Do", "/Type /XObject /Subtype /Form /BBox [0 0 595 842]"));

        var content = Parse(Message(Pdf(pdf)));

        Assert.Equal("14 May 2026", Assert.Single(content.Attachments).Text);
    }

    [Fact]
    public void Forms_drawing_forms_ten_times_over_stop_at_the_budget()
    {
        // Seven levels of forms each drawing the next ten times: 10^7 times ten glyphs from under a kilobyte.
        const int levels = 7;
        var forms = Enumerable.Range(0, levels).Select(level => HandWrittenPdf.Stream(
            level == levels - 1 ? "BT /F1 12 Tf 72 700 Td (abcdefghij) Tj ET" : string.Concat(Enumerable.Repeat($"/X{level + 1} Do ", 10)),
            $"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X{level + 1} {7 + level} 0 R >> >>"));
        var pdf = HandWrittenPdf.OnePage("/X0 Do", "/XObject << /X0 6 0 R >>", [.. forms]);

        var content = Parse(Message(Pdf(pdf)));

        var text = Assert.Single(content.Attachments).Text;
        Assert.StartsWith("abcdefghij", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 1, MailParser.MaxText);
    }

    [Fact]
    public void A_page_tree_thousands_of_levels_deep_is_read_without_overflowing_the_stack()
    {
        // PdfPig numbers pages recursively, one call per level of the tree.
        const int depth = 20_000;
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        objects.AddRange(Enumerable.Range(0, depth).Select(level => $"<< /Type /Pages /Kids [{3 + level} 0 R] /Count 1 >>"));
        objects.Add($"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 {depth + 4} 0 R >> >> /Contents {depth + 3} 0 R >>");
        objects.Add(HandWrittenPdf.Stream("BT /F1 12 Tf 72 700 Td (14 May 2026) Tj ET"));
        objects.Add(HandWrittenPdf.Helvetica);

        var content = Parse(Message(Pdf(HandWrittenPdf.Build([.. objects]))));

        Assert.Equal("14 May 2026", Assert.Single(content.Attachments).Text);
    }

    [Fact]
    public void A_stream_that_inflates_past_the_budget_is_not_read_and_the_pages_before_it_are()
    {
        // Twenty megabytes of spaces deflate to some twenty kilobytes.
        var bomb = HandWrittenPdf.Flate([.. Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 700 Td (after the bomb) Tj ET "), .. Enumerable.Repeat((byte)' ', 20 * 1024 * 1024)]);
        var pdf = HandWrittenPdf.Build(
        [
            Encoding.Latin1.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.Latin1.GetBytes("<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Encoding.Latin1.GetBytes(HandWrittenPdf.Stream("BT /F1 12 Tf 72 700 Td (14 May 2026) Tj ET")),
            Encoding.Latin1.GetBytes(HandWrittenPdf.Helvetica),
            Encoding.Latin1.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>"),
            HandWrittenPdf.Stream(bomb, "/Filter /FlateDecode"),
        ]);

        var content = Parse(Message(Pdf(pdf)));

        Assert.Equal("14 May 2026", Assert.Single(content.Attachments).Text);
    }
}
