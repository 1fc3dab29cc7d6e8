namespace OnePointEntry.Mail;

/// <summary>
/// Every mail taken in, kept whole exactly as it came (a table keeps only what fits in it), under the name its
/// message key gives (<see cref="Enquiries.MailOrigin.OriginalNameOf"/>).
/// </summary>
public interface IMailOriginals
{
    /// <summary>Keeps the mail; a mail with the same key kept before stays as it is (the first delivery is the original).</summary>
    Task KeepAsync(string messageKey, Stream original, CancellationToken cancellationToken);

    /// <summary>The mail kept under the key to read from its start, or null when none is kept (never kept, or erased).</summary>
    Task<Stream?> OpenAsync(string messageKey, CancellationToken cancellationToken);

    /// <summary>Deletes the mail kept under the key, when there is one (it holds personal data).</summary>
    Task DeleteAsync(string messageKey, CancellationToken cancellationToken);
}
