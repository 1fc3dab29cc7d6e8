namespace OnePointEntry.Mail;

/// <summary>
/// A message that cannot be read as an e-mail. The caller keeps it for a person to look at
/// (NeedsManualReview) with <see cref="Exception.Message"/> as the reason; nothing is lost.
/// </summary>
public sealed class MailParseException : Exception
{
    public MailParseException()
    {
    }

    public MailParseException(string message)
        : base(message)
    {
    }

    public MailParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
