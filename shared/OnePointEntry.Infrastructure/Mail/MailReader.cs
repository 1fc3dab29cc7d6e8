using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OnePointEntry.Deliveries;
using OnePointEntry.Infrastructure.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Mail;

/// <summary>
/// Reads an e-mail from the shared mailbox or from a relay, keeps its original whole, parses it and hands it to
/// intake; mail from the mailbox is then filed into "Processed". A mail that cannot be parsed (or is too large
/// to) is still handed to intake, which stores it for manual review, and stays in the inbox, so it is never lost.
/// </summary>
public sealed partial class MailReader(
    IMailbox mailbox,
    MailIntake intake,
    IMailOriginals originals,
    IMailQueue queue,
    IDependencyFailureReader failures,
    DeliveryOptions retries,
    ILogger<MailReader> logger)
{
    /// <summary>
    /// The largest mail read: Exchange Online accepts messages of up to 35 MB by default (a mailbox's
    /// MaxReceiveSize is 36 MB, which counts the encoded message), so the raw endpoint takes any mail the
    /// mailbox would have been delivered.
    /// </summary>
    public const int MaxRawBytes = 36 * 1024 * 1024;

    /// <summary>
    /// The most taken from the mailbox: Exchange Online's own ceiling, for a tenant that raised its limits. A
    /// mail between <see cref="MaxRawBytes"/> and this is kept whole but not parsed: a person reads it.
    /// </summary>
    public const long MaxMailboxBytes = 150L * 1024 * 1024;

    /// <summary>
    /// The longest Message-ID used as the mail's key as it is; a longer one is replaced by its hash, so a stored
    /// key always fits its table property and is never cut (a cut key would not match the same mail again).
    /// </summary>
    public const int MaxMessageKeyLength = 512;

    /// <summary>
    /// Takes in the mailbox message a mail-intake queue message names. While Microsoft Graph fails (throttling, an
    /// outage), the message is queued again after the outbox's growing waits (<see cref="DeliveryOptions"/>, never
    /// shorter than Retry-After) instead of spending the host's five quick retries and landing in the poison queue:
    /// the mail waits in the inbox and is taken in once Graph is back. A failure of anything else, or one Graph
    /// refuses for good, goes to the host's retries as before.
    /// </summary>
    public async Task<MailIntakeResult?> TakeInQueuedAsync(string message, CancellationToken cancellationToken)
    {
        var mailboxMessageId = MailQueueMessages.ParseMessage(message);
        var tries = MailQueueMessages.TriesOf(message);
        try
        {
            return await TakeInFromMailboxAsync(mailboxMessageId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            && failures.Read(exception) is { Dependency: DependencyFailureReader.Graph, Permanent: false } failure
            && tries + 1 < retries.MaxAttempts)
        {
            var delay = retries.DelayAfter(tries + 1, failure.RetryAfter, Random.Shared.NextDouble());
            await queue.SendMessageAgainAsync(mailboxMessageId, tries + 1, delay, cancellationToken);
            LogGraphUnavailable(logger, tries + 1, failure.Description ?? exception.GetType().Name, delay);
            return null;
        }
    }

    /// <summary>Takes in a mailbox message; null when it was deleted before it could be read.</summary>
    public async Task<MailIntakeResult?> TakeInFromMailboxAsync(string mailboxMessageId, CancellationToken cancellationToken)
    {
        MailSpool spool;
        await using (var mime = await mailbox.OpenMimeAsync(mailboxMessageId, cancellationToken))
        {
            if (mime is null)
            {
                return null;
            }

            spool = await MailSpool.ReadAsync(mime, MaxMailboxBytes, cancellationToken);
        }

        await using (spool)
        {
            var result = await intake.TakeInAsync(await ReadAsync(spool, mailboxMessageId, cancellationToken), cancellationToken);
            if (result.Outcome != MailIntakeOutcome.NeedsManualReview)
            {
                await mailbox.MoveToProcessedAsync(mailboxMessageId, cancellationToken);
            }

            return result;
        }
    }

    /// <summary>Takes in a mail posted whole; <paramref name="raw"/> is at most <see cref="MaxRawBytes"/>.</summary>
    public async Task<MailIntakeResult> TakeInRawAsync(MailSpool raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return await intake.TakeInAsync(await ReadAsync(raw, mailboxMessageId: null, cancellationToken), cancellationToken);
    }

    /// <summary>Takes in a mail posted whole, from memory (tests, tools).</summary>
    public async Task<MailIntakeResult> TakeInRawAsync(byte[] raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var stream = new MemoryStream(raw, writable: false);
        await using var spool = await MailSpool.ReadAsync(stream, MaxRawBytes, cancellationToken);
        return await TakeInRawAsync(spool, cancellationToken);
    }

    // The original is kept before intake stores anything: an enquiry never exists without it.
    private async Task<ReceivedMail> ReadAsync(MailSpool spool, string? mailboxMessageId, CancellationToken cancellationToken)
    {
        var mail = Parse(spool, mailboxMessageId);
        await originals.KeepAsync(mail.MessageKey, spool.Rewind(), cancellationToken);
        return mail;
    }

    private ReceivedMail Parse(MailSpool spool, string? mailboxMessageId)
    {
        // Mail without a Message-ID (or unreadable) is recognised by its bytes: the same mail, the same key.
        var hashKey = "sha256:" + spool.Sha256;
        if (!spool.IsComplete || spool.Length > MaxRawBytes)
        {
            LogTooLarge(logger, spool.Length);
            return new ReceivedMail(hashKey, mailboxMessageId, null, $"The e-mail is larger than {MaxRawBytes / (1024 * 1024)} MiB; it is kept whole for a person to read.");
        }

        try
        {
            var content = MailParser.Parse(spool.Rewind());
            return new ReceivedMail(KeyOf(content.MessageId) ?? hashKey, mailboxMessageId, content);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or IOException or OutOfMemoryException))
        {
            // Whatever a hostile mail does to the parser, it becomes an enquiry for manual review, never a failure.
            LogUnreadable(logger, exception.GetType().Name);
            var reason = exception is MailParseException ? exception.Message : "The e-mail is not valid MIME.";
            return new ReceivedMail(hashKey, mailboxMessageId, null, reason);
        }
    }

    private static string? KeyOf(string? messageId) => messageId switch
    {
        null => null,
        { Length: <= MaxMessageKeyLength } => messageId,
        _ => "message-id-sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId))),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft Graph could not give a mailbox message (try {Tries}: {Problem}); it is taken up again in {Delay}")]
    private static partial void LogGraphUnavailable(ILogger logger, int tries, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An e-mail could not be parsed ({ErrorType}); it is stored for manual review")]
    private static partial void LogUnreadable(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An e-mail of {Length} bytes is too large to parse; it is kept whole and stored for manual review")]
    private static partial void LogTooLarge(ILogger logger, long length);
}
