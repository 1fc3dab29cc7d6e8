namespace OnePointEntry.Mail.Pdf;

/// <summary>Thrown through PdfPig when a document has spent its <see cref="PdfReadBudget"/>; the reader keeps what it read before.</summary>
internal sealed class PdfBudgetExceededException : Exception
{
    public PdfBudgetExceededException()
        : base("The PDF needs more work than one attachment is given.")
    {
    }

    public PdfBudgetExceededException(string message)
        : base(message)
    {
    }

    public PdfBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
