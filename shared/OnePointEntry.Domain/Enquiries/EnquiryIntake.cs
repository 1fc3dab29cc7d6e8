using Microsoft.Extensions.Logging;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Takes in a submitted enquiry form: checks it, recognises a repeat, stores the enquiry and queues it for
/// screening. Nothing is acknowledged before it is stored and queued, and nothing is stored half-way.
/// </summary>
/// <remarks>
/// A repeat is recognised by its marks (the content's fingerprint, the Idempotency-Key's), which the store adds
/// with the enquiry in one transaction and refuses when one exists. So a new submission is not looked up first: it
/// costs the transaction and the queue message. Only a refusal, a repeat or a mark left by an older submission,
/// makes intake read the marks. Early in a month the previous month's marks are read first, since the store's
/// refusal only covers the enquiry's own month.
/// </remarks>
public sealed partial class EnquiryIntake(
    EnquiryFormValidator validator,
    IEnquiryStore store,
    IScreeningQueue screeningQueue,
    TimeProvider time,
    ILogger<EnquiryIntake> logger)
{
    /// <summary>How long the same submission, or the same Idempotency-Key, gives back the same reference.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(24);

    // A clash of random references, or a race with the same submission, is retried this often.
    private const int MaxAttempts = 5;

    public async Task<IntakeResult> SubmitAsync(EnquiryForm form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = time.GetUtcNow();
        if (form.IsFromBot)
        {
            LogHoneypot(logger);
            return IntakeResult.Ignored(EnquiryReference.New(CopenhagenTime.DateOf(now)));
        }

        var validation = validator.Validate(form);
        if (validation.Submission is not { } submission)
        {
            LogInvalid(logger, validation.Errors.Keys);
            return IntakeResult.Invalid(validation.Errors);
        }

        var fingerprint = SubmissionFingerprint.Of(submission);
        List<SubmissionMark> marks = [new(SubmissionMarkKind.Fingerprint, fingerprint, fingerprint)];
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            marks.Insert(0, new(SubmissionMarkKind.IdempotencyKey, SubmissionFingerprint.OfIdempotencyKey(idempotencyKey.Trim()), fingerprint));
        }

        var markTaken = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            now = time.GetUtcNow();
            var month = CopenhagenTime.MonthOf(now);
            var expired = new List<StoredSubmissionMark>();
            foreach (var mark in marks)
            {
                var earlier = await FindRecentMarkAsync(mark, now, month, lookInMonth: markTaken, expired, cancellationToken);
                if (earlier is null)
                {
                    continue;
                }

                if (mark.Kind == SubmissionMarkKind.IdempotencyKey && earlier.Mark.Fingerprint != fingerprint)
                {
                    LogIdempotencyKeyReused(logger, earlier.Reference);
                    return IntakeResult.IdempotencyKeyReused();
                }

                await EnsureQueuedAsync(earlier.Reference, cancellationToken);
                LogRepeated(logger, earlier.Reference, mark.Kind);
                return IntakeResult.Repeated(earlier.Reference);
            }

            var enquiry = new Enquiry
            {
                Reference = EnquiryReference.New(CopenhagenTime.DateOf(now)),
                Source = EnquirySource.WebForm,
                ReceivedAt = now,
                Submission = submission,
            };
            var added = await store.AddAsync(enquiry, marks, expired, cancellationToken);
            if (added == AddEnquiryResult.Added)
            {
                await screeningQueue.SendAsync(enquiry.Reference, cancellationToken);
                LogAccepted(logger, enquiry.Reference);
                return IntakeResult.Accepted(enquiry.Reference);
            }

            markTaken |= added == AddEnquiryResult.MarkTaken;
            LogAddRetried(logger, added, attempt);
        }

        throw new InvalidOperationException($"The enquiry could not be stored after {MaxAttempts} attempts: references kept clashing or the same submission kept racing.");
    }

    // The mark of a submission made within the repeat window, which can lie in this month's partition (looked in
    // only once the store refused a mark there) or, early in a month, in the previous one. Expired marks in this
    // month are collected so the new enquiry can take them over.
    private async Task<StoredSubmissionMark?> FindRecentMarkAsync(
        SubmissionMark mark, DateTimeOffset now, string month, bool lookInMonth, List<StoredSubmissionMark> expired, CancellationToken cancellationToken)
    {
        var windowStart = now - RepeatWindow;
        var previousMonth = CopenhagenTime.MonthOf(windowStart);
        string[] months = (lookInMonth, previousMonth == month) switch
        {
            (true, true) => [month],
            (true, false) => [month, previousMonth],
            (false, true) => [],
            (false, false) => [previousMonth],
        };
        foreach (var candidateMonth in months)
        {
            var stored = await store.FindMarkAsync(mark, candidateMonth, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            if (stored.MarkedAt > windowStart)
            {
                return stored;
            }

            if (candidateMonth == month)
            {
                expired.Add(stored);
            }
        }

        return null;
    }

    // A repeat may come from a sender whose first attempt was stored but not queued (the queue was
    // unreachable and the sender was told to retry): queue it now. Screening ignores a second message.
    private async Task EnsureQueuedAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        var enquiry = await store.FindAsync(reference, cancellationToken);
        if (enquiry is { Status: EnquiryStatus.Received })
        {
            await screeningQueue.SendAsync(reference, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} accepted and queued for screening")]
    private static partial void LogAccepted(ILogger logger, EnquiryReference reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated submission of enquiry {Reference} recognised by its {MarkKind}")]
    private static partial void LogRepeated(ILogger logger, EnquiryReference reference, SubmissionMarkKind markKind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry form rejected; invalid fields: {Fields}")]
    private static partial void LogInvalid(ILogger logger, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency-Key of enquiry {Reference} reused for a different submission")]
    private static partial void LogIdempotencyKeyReused(ILogger logger, EnquiryReference reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry form with the honeypot filled in ignored")]
    private static partial void LogHoneypot(ILogger logger);

    // A taken mark is how a repeat shows itself first, so this is no warning.
    [LoggerMessage(Level = LogLevel.Information, Message = "Storing an enquiry was blocked ({Result}) on attempt {Attempt}; retrying")]
    private static partial void LogAddRetried(ILogger logger, AddEnquiryResult result, int attempt);
}
