using System.Text;
using UglyToad.PdfPig;

namespace OnePointEntry.Mail.Pdf;

/// <summary>
/// Reads the text of a PDF attachment (a delegation's programme: its dates in Denmark, its group, what it wants to see)
/// with PdfPig, page by page, within bounds: anything that is not a readable PDF gives no text, never an exception.
/// </summary>
/// <remarks>
/// The PDF comes from anyone who can send mail. Bounds: the file's size, the first <see cref="MaxPages"/> pages, and
/// per document a <see cref="PdfReadBudget"/> of decoded bytes, glyphs, operations and forms; within a page,
/// <see cref="PdfTextProcessor"/> nests forms and saved states only so deep. A PDF that needs a password to open gives
/// no text (PdfPig tries the empty password, which is all a PDF locked only against printing or copying needs).
/// </remarks>
internal static class PdfText
{
    /// <summary>A larger PDF is not read: a programme is a few pages, and megabytes more are pictures.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The pages read; the dates and the group are on the first pages of a programme.</summary>
    public const int MaxPages = 20;

    /// <summary>
    /// The stack of the thread that reads: PdfPig recurses once per level in places (numbering the page tree is one)
    /// where a file within the bounds can nest hundreds of thousands of levels, and a stack overflow ends the process
    /// with no exception to catch. Reserved, not committed: only what the recursion touches is used.
    /// </summary>
    public const int StackBytes = 256 * 1024 * 1024;

    public static string Read(ReadOnlyMemory<byte> pdf)
    {
        if (pdf.IsEmpty || pdf.Length > MaxBytes)
        {
            return string.Empty;
        }

        var text = string.Empty;
        var reader = new Thread(() => text = ReadOnThisThread(pdf), StackBytes) { IsBackground = true, Name = "PDF text" };
        try
        {
            reader.Start();
        }
        catch (OutOfMemoryException)
        {
            // A host that commits stacks up front may refuse the reservation; reading on a small stack is the one thing not to do.
            return string.Empty;
        }

        reader.Join();
        return text;
    }

    private static string ReadOnThisThread(ReadOnlyMemory<byte> pdf)
    {
        var options = new PdfReadOptions(new PdfReadBudget());
        var text = new StringBuilder();
        // PdfPig throws many kinds of exception at hostile input (format, cast, range, key, null, and out-of-memory where
        // a number in the file asks for an impossible array); none may stop the mail from being read.
        try
        {
            using var document = PdfDocument.Open(pdf, options);
            document.AddPageFactory<PdfPageText, PdfTextPageFactory>();
            var pages = Math.Min(document.NumberOfPages, MaxPages);
            for (var number = 1; number <= pages && !options.Budget.IsSpent && text.Length <= MailParser.MaxText; number++)
            {
                string page;
                try
                {
                    page = document.GetPage<PdfPageText>(number).Text;
                }
                catch (Exception)
                {
                    // One unreadable page (a missing object, a broken stream) need not cost the others; a spent budget ends the loop.
                    continue;
                }

                if (page.Length > 0)
                {
                    text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(page);
                }
            }
        }
        catch (Exception)
        {
            // Not a PDF, encrypted, truncated past repair: what was read before stands.
        }

        return text.ToString();
    }
}
