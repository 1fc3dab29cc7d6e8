using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Mail;

/// <summary>
/// Reads an e-mail from the shared mailbox or from a relay, parses it and hands it to intake; mail from the
/// mailbox is then filed into "Processed". A mail that cannot be parsed is still handed to intake (which
/// stores it for manual review) and stays in the inbox, so it is never lost.
/// </summary>
public sealed partial class MailReader(IMailbox mailbox, MailIntake intake, ILogger<MailReader> logger)
{
    /// <summary>Larger mail is refused by the raw endpoint; Exchange Online's own limit is far above it.</summary>
    public const int MaxRawBytes = 25 * 1024 * 1024;

    /// <summary>Takes in a mailbox message; null when it was deleted before it could be read.</summary>
    public async Task<MailIntakeResult?> TakeInFromMailboxAsync(string mailboxMessageId, CancellationToken cancellationToken)
    {
        byte[] raw;
        await using (var mime = await mailbox.OpenMimeAsync(mailboxMessageId, cancellationToken))
        {
            if (mime is null)
            {
                return null;
            }

            raw = await ReadAllAsync(mime, cancellationToken);
        }

        var result = await intake.TakeInAsync(Parse(raw, mailboxMessageId), cancellationToken);
        if (result.Outcome != MailIntakeOutcome.NeedsManualReview)
        {
            await mailbox.MoveToProcessedAsync(mailboxMessageId, cancellationToken);
        }

        return result;
    }

    public Task<MailIntakeResult> TakeInRawAsync(byte[] raw, CancellationToken cancellationToken) =>
        intake.TakeInAsync(Parse(raw, mailboxMessageId: null), cancellationToken);

    private ReceivedMail Parse(byte[] raw, string? mailboxMessageId)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var content = MailParser.Parse(stream);
            return new ReceivedMail(content.MessageId ?? HashKey(raw), mailboxMessageId, content);
        }
        catch (MailParseException exception)
        {
            LogUnreadable(logger, exception.GetType().Name);
            return new ReceivedMail(HashKey(raw), mailboxMessageId, null, exception.Message);
        }
    }

    // Mail without a Message-ID (or unreadable) is recognised by its bytes: the same mail, the same key.
    private static string HashKey(byte[] raw) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An e-mail could not be parsed ({ErrorType}); it is stored for manual review")]
    private static partial void LogUnreadable(ILogger logger, string errorType);
}
