using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Mail;

namespace OnePointEntry.Retention;

/// <summary>
/// Removes an enquiry's personal data and keeps what the statistics and the audit need. Removed: the fields
/// <see cref="EnquiryFields"/> marks personal (the contact's name, e-mail address and phone, the message text, and
/// who referred the delegation, free text a sender may fill with a person's name; screening has already turned it
/// into partner suggestions) with staff's corrections of them, the mail's subject and mailbox id, the notes of earlier status changes (staff's free text), the
/// words the machine quoted as its evidence for each fact (message text) with the value it read for a personal field, and the submission marks (hashes of
/// the whole submission, contact data included, which could confirm a guess). Kept: organisation, country,
/// city, region, sector, level, size, dates, themes, screening decision, statuses and their history, the
/// delegation statistics, how sure the machine was of each fact and where in the mail it read it, and the mail's Message-ID, so the same mail seen again is recognised and not taken
/// in as a new enquiry with its personal data. The erasure is audited as a status change to the same status,
/// whose note names the reason and no data. Idempotent.
/// </summary>
public sealed partial class PersonalDataEraser(IEnquiryStore store, IMailOriginals originals, TimeProvider time, ILogger<PersonalDataEraser> logger)
{
    /// <summary>Who the audit names for erasures by the retention sweep.</summary>
    public const string RetentionActor = "system:retention";

    private const int MaxConcurrencyRetries = 3;

    public async Task<ErasureResult> EraseAsync(EnquiryReference reference, string erasedBy, ErasureReason reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erasedBy);
        using var scope = EnquiryLogScope.Begin(logger, reference);
        for (var attempt = 1; attempt <= MaxConcurrencyRetries; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken);
            if (enquiry is null)
            {
                return new ErasureResult(ErasureOutcome.NotFound, null);
            }

            if (enquiry.AnonymisedAt is not null)
            {
                return new ErasureResult(ErasureOutcome.AlreadyErased, enquiry);
            }

            if (await TryEraseAsync(enquiry, erasedBy, reason, cancellationToken))
            {
                return new ErasureResult(ErasureOutcome.Erased, await store.FindAsync(reference, cancellationToken));
            }
        }

        throw new InvalidOperationException($"Enquiry {reference} kept changing while its personal data was being erased.");
    }

    /// <summary>Erases the enquiry as read; false when it changed since (read it again and retry).</summary>
    public async Task<bool> TryEraseAsync(Enquiry enquiry, string erasedBy, ErasureReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentException.ThrowIfNullOrWhiteSpace(erasedBy);
        using var scope = EnquiryLogScope.Begin(logger, enquiry.Reference);
        var now = time.GetUtcNow();
        var audit = new StatusChange(enquiry.Reference, enquiry.Status, enquiry.Status, erasedBy.Trim(), now, NoteOf(reason));
        // The mail as it came holds everything erased here; it goes first, so an erasure that fails after it is
        // repeated whole (deleting what is gone is no error).
        if (enquiry.Mail is { } mail)
        {
            await originals.DeleteAsync(mail.MessageKey, cancellationToken);
        }

        if (!await store.TryAnonymiseAsync(Anonymise(enquiry, now), audit, cancellationToken))
        {
            return false;
        }

        LogErased(logger, enquiry.Reference, reason);
        return true;
    }

    /// <summary>The enquiry without its personal data; see the class for what goes and what stays.</summary>
    public static Enquiry Anonymise(Enquiry enquiry, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry with
        {
            Submission = EnquiryFields.Personal.Aggregate(enquiry.Submission, (submission, field) => field.Submission!.Set(submission, null)),
            Mail = enquiry.Mail is { } mail ? new MailOrigin(mail.MessageKey, MailboxMessageId: null, Subject: null) : null,
            Corrections = enquiry.Corrections
                .Where(correction => EnquiryFields.Named(correction.Key) is not { Personal: true })
                .ToDictionary(StringComparer.Ordinal),
            // How sure the machine was, and where it read, stay for the audit and for measuring the extractor.
            Evidence = [.. enquiry.Evidence.Select(evidence => evidence with
            {
                Quote = null,
                Value = EnquiryFields.Named(evidence.Field) is { Personal: true } ? string.Empty : evidence.Value,
            })],
            AnonymisedAt = enquiry.AnonymisedAt ?? at,
        };
    }

    private static string NoteOf(ErasureReason reason) => reason switch
    {
        ErasureReason.Retention => "Personal data erased: the retention period has passed.",
        _ => "Personal data erased on request.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: personal data erased ({Reason})")]
    private static partial void LogErased(ILogger logger, EnquiryReference reference, ErasureReason reason);
}
