using Microsoft.Extensions.Logging;
using OnePointEntry.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;

namespace OnePointEntry.Mail;

/// <summary>
/// Turns an e-mail into a stored enquiry: extracts the facts, stores one enquiry per Internet Message-ID,
/// queues it for screening and records the sender's acknowledgement in the <see cref="Outbox"/>, which sends it
/// whatever Microsoft 365 is doing meanwhile. Every step can be repeated: a second delivery of the same e-mail
/// finishes whatever the first left undone (queueing, recording the acknowledgement) and nothing else, and the
/// acknowledgement, named by the enquiry's reference, is recorded and sent once.
/// An e-mail that cannot be read is stored as <see cref="EnquiryStatus.NeedsManualReview"/>, never dropped.
/// </summary>
public sealed partial class MailIntake(
    IEnquiryStore store,
    IMailIndex index,
    IScreeningQueue screeningQueue,
    Outbox outbox,
    EnquiryExtractor extractor,
    MailIntakeOptions options,
    TimeProvider time,
    ILogger<MailIntake> logger)
{
    /// <summary>
    /// The longest mail text kept on the enquiry: below Table Storage's 64 KiB per property. The whole
    /// message stays in the mailbox.
    /// </summary>
    public const int MaxStoredText = 30_000;

    private const int MaxAttempts = 5;

    public async Task<MailIntakeResult> TakeInAsync(ReceivedMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var reference = await index.FindAsync(mail.MessageKey, cancellationToken);
            if (reference is null)
            {
                var fresh = EnquiryReference.New(CopenhagenTime.DateOf(now));
                if (!await index.TryClaimAsync(mail.MessageKey, fresh, cancellationToken))
                {
                    continue;
                }

                reference = fresh;
            }

            var existing = await store.FindAsync(reference.Value, cancellationToken);
            if (existing is not null)
            {
                if (existing.Mail?.MessageKey == mail.MessageKey)
                {
                    LogRepeated(logger, existing.Reference);
                    return new MailIntakeResult(MailIntakeOutcome.Repeated, existing.Reference, await CompleteAsync(existing, mail, cancellationToken));
                }

                // The claimed reference belongs to another enquiry (random references can clash): claim anew.
                await index.ReassignAsync(mail.MessageKey, EnquiryReference.New(CopenhagenTime.DateOf(now)), cancellationToken);
                continue;
            }

            var enquiry = Build(mail, reference.Value, now);
            if (await store.AddAsync(enquiry, [], [], cancellationToken) != AddEnquiryResult.Added)
            {
                // Another delivery of the same e-mail stored it meanwhile, or the reference is taken: look again.
                continue;
            }

            LogStored(logger, enquiry.Reference, enquiry.Status, enquiry.Submission.Language);
            var stored = await store.FindAsync(enquiry.Reference, cancellationToken) ?? enquiry;
            var outcome = enquiry.Status == EnquiryStatus.NeedsManualReview ? MailIntakeOutcome.NeedsManualReview : MailIntakeOutcome.Accepted;
            return new MailIntakeResult(outcome, enquiry.Reference, await CompleteAsync(stored, mail, cancellationToken));
        }

        throw new InvalidOperationException($"The e-mail could not be stored after {MaxAttempts} attempts: deliveries kept racing or references kept clashing.");
    }

    private Enquiry Build(ReceivedMail mail, EnquiryReference reference, DateTimeOffset now)
    {
        var origin = new MailOrigin(mail.MessageKey, mail.MailboxMessageId, mail.Content?.Subject);
        if (mail.Content is not { } content)
        {
            return new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.Mail,
                ReceivedAt = now,
                Status = EnquiryStatus.NeedsManualReview,
                ManualReviewReason = $"The e-mail could not be read: {mail.ParseError ?? "unknown error"}",
                Mail = origin,
                Submission = new EnquirySubmission { Organisation = string.Empty, Country = string.Empty, ContactEmail = string.Empty, Purpose = string.Empty },
            };
        }

        var extracted = Extract(content, reference);
        var text = string.Join("\n\n", new[] { content.Subject, content.Text }.Where(part => !string.IsNullOrWhiteSpace(part)));
        var hasText = !string.IsNullOrWhiteSpace(content.Text);
        var reasons = extracted.ReviewReasons.Prepend(hasText ? null : "The e-mail has no readable text.").OfType<string>().ToList();
        var reviewReason = reasons.Count > 0 ? string.Join(" ", reasons) : null;
        return new Enquiry
        {
            Reference = reference,
            Source = EnquirySource.Mail,
            ReceivedAt = now,
            Status = reviewReason is null ? EnquiryStatus.Received : EnquiryStatus.NeedsManualReview,
            ManualReviewReason = reviewReason,
            Mail = origin,
            Submission = new EnquirySubmission
            {
                // The sender is often a forwarding municipality, not the delegation: the organisation is left
                // for the screener to fill in rather than guessed from a person's name.
                Organisation = string.Empty,
                Country = extracted.Country ?? string.Empty,
                City = extracted.City,
                ContactName = content.FromName,
                ContactEmail = content.FromAddress ?? string.Empty,
                DelegationSize = extracted.DelegationSize,
                ArrivalDate = extracted.ArrivalDate,
                DepartureDate = extracted.DepartureDate,
                Purpose = text.Length > MaxStoredText ? text[..MaxStoredText] : text,
                Themes = extracted.Themes,
                ReferredBy = extracted.ReferredBy,
                Language = extracted.Language,
                Region = extracted.Region,
                Sector = extracted.Sector,
                Level = extracted.Level,
            },
            Evidence = extracted.Evidence,
        };
    }

    // Whatever the extractor does, the mail is stored and reaches a person: an extraction that fails outright
    // (which a field reader's own failure does not) leaves every fact empty and says so, rather than failing the
    // delivery until the queue gives the mail up as poison.
    private ExtractedEnquiry Extract(MailContent content, EnquiryReference reference)
    {
        try
        {
            return extractor.Extract(content);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The type only: an exception's message can quote the mail.
            LogExtractionFailed(logger, reference, exception.GetType().Name);
            return new ExtractedEnquiry { ReviewReasons = [$"The facts could not be read from the e-mail ({exception.GetType().Name}). Please read the mail."] };
        }
    }

    // Queues screening if it is still waiting, and records the acknowledgement unless it is recorded already.
    private async Task<bool> CompleteAsync(Enquiry enquiry, ReceivedMail mail, CancellationToken cancellationToken)
    {
        // From here the reference is known: queueing, the acknowledgement and filing the mail log under it.
        using var scope = EnquiryLogScope.Begin(logger, enquiry.Reference);
        if (enquiry.Status == EnquiryStatus.Received)
        {
            await screeningQueue.SendAsync(enquiry.Reference, cancellationToken);
        }

        if (!ShouldAcknowledge(enquiry, mail.Content, out var recipient))
        {
            return false;
        }

        var acknowledgement = Acknowledgement.For(enquiry.Submission.Language, enquiry.Reference.ToString(), mail.Content!.Subject);
        var outgoing = new OutgoingMail
        {
            To = [recipient],
            Subject = acknowledgement.Subject,
            HtmlBody = acknowledgement.HtmlBody,
            PlainTextBody = acknowledgement.PlainTextBody,
            // Mail from the shared mailbox is answered in its conversation; a relayed mail has none to answer in.
            InReplyToMessageId = mail.MailboxMessageId,
        };
        var id = new DeliveryId(enquiry.Reference.ToString(), DeliveryKind.Acknowledgement);
        await outbox.RecordAsync([Delivery.OfMail(id, outgoing, time.GetUtcNow())], cancellationToken);
        LogAcknowledgementRecorded(logger, enquiry.Reference, acknowledgement.Language);
        return true;
    }

    // Never answer auto-replies, bounces, lists or ourselves: that is how mail loops start.
    private bool ShouldAcknowledge(Enquiry enquiry, MailContent? content, out string recipient)
    {
        recipient = content?.FromAddress ?? string.Empty;
        if (content is null || content.IsAutomated || enquiry.Status == EnquiryStatus.NeedsManualReview
            || string.IsNullOrWhiteSpace(recipient) || !recipient.Contains('@', StringComparison.Ordinal)
            || recipient.Equals(options.MailboxAddress, StringComparison.OrdinalIgnoreCase))
        {
            LogNotAcknowledged(logger, enquiry.Reference, content?.IsAutomated ?? false);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail stored as enquiry {Reference} ({Status}, language {Language})")]
    private static partial void LogStored(ILogger logger, EnquiryReference reference, EnquiryStatus status, string? language);

    [LoggerMessage(Level = LogLevel.Error, Message = "Extraction failed ({ExceptionType}) for the e-mail of enquiry {Reference}; stored for manual review without facts")]
    private static partial void LogExtractionFailed(ILogger logger, EnquiryReference reference, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail of enquiry {Reference} seen again; only unfinished steps are done")]
    private static partial void LogRepeated(ILogger logger, EnquiryReference reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Acknowledgement of enquiry {Reference} in {Language} is in the outbox")]
    private static partial void LogAcknowledgementRecorded(ILogger logger, EnquiryReference reference, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} not acknowledged (automated mail: {Automated}, or no answerable sender)")]
    private static partial void LogNotAcknowledged(ILogger logger, EnquiryReference reference, bool automated);
}
