using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;

namespace OnePointEntry.Screening;

/// <summary>
/// Screens the enquiries that arrive on the screening queue. Idempotent: a message for an enquiry that is
/// already screened changes nothing. On the last delivery of a failing message the error is recorded for
/// operators and the enquiry marked <see cref="EnquiryStatus.ScreeningFailed"/> before the host moves the
/// message to the poison queue.
/// </summary>
public sealed partial class EnquiryScreening(
    IEnquiryStore store,
    EnquiryScreener screener,
    IPoisonMessageLog poisonMessages,
    QueueRetryPolicy retryPolicy,
    TimeProvider time,
    ILogger<EnquiryScreening> logger)
{
    /// <summary>Who the audit says made screening's status changes.</summary>
    public const string ChangedBy = "system:screening";

    // Two screenings of one enquiry racing each other: the loser re-reads and finds it screened.
    private const int MaxConcurrencyRetries = 3;

    public async Task HandleMessageAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnquiryReference? reference = null;
        try
        {
            reference = ScreeningMessage.Parse(message);
            await ScreenAsync(reference.Value, cancellationToken);
        }
        catch (Exception exception) when (retryPolicy.IsLastAttempt(dequeueCount) && exception is not OperationCanceledException)
        {
            await RecordFailureAsync(message, reference, exception, dequeueCount, cancellationToken);
            throw;
        }
    }

    public async Task<ScreeningOutcome> ScreenAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxConcurrencyRetries; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken)
                ?? throw new EnquiryNotFoundException(reference);
            if (enquiry.Status != EnquiryStatus.Received)
            {
                LogAlreadyScreened(logger, reference, enquiry.Status);
                return ScreeningOutcome.AlreadyScreened;
            }

            var now = time.GetUtcNow();
            var facts = screener.Screen(enquiry, now);
            var change = new StatusChange(reference, enquiry.Status, EnquiryStatus.Screened, ChangedBy, now, null);
            if (await store.TryUpdateAsync(enquiry with { Status = EnquiryStatus.Screened, Screening = facts }, change, cancellationToken))
            {
                LogScreened(logger, reference, facts.CountryCode, facts.Region, facts.Themes);
                return ScreeningOutcome.Screened;
            }
        }

        throw new InvalidOperationException($"Enquiry {reference} kept changing while it was being screened.");
    }

    private async Task RecordFailureAsync(string message, EnquiryReference? reference, Exception exception, long dequeueCount, CancellationToken cancellationToken)
    {
        var subject = reference?.ToString() ?? "message-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
        var error = $"{exception.GetType().Name}: {exception.Message}";
        LogGivingUp(logger, exception, subject, dequeueCount);
        try
        {
            await poisonMessages.RecordAsync(new PoisonMessage(QueueNames.Screening, subject, error, time.GetUtcNow(), dequeueCount), cancellationToken);
            if (reference is { } known && await store.FindAsync(known, cancellationToken) is { Status: EnquiryStatus.Received } enquiry)
            {
                var change = new StatusChange(known, enquiry.Status, EnquiryStatus.ScreeningFailed, ChangedBy, time.GetUtcNow(), error);
                await store.TryUpdateAsync(enquiry with { Status = EnquiryStatus.ScreeningFailed }, change, cancellationToken);
            }
        }
        catch (Exception recordingFailure) when (recordingFailure is not OperationCanceledException)
        {
            // The message still reaches the poison queue; only the operator's note of it is missing.
            LogRecordingFailed(logger, recordingFailure, subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} screened: country {CountryCode}, region {Region}, themes {Themes}")]
    private static partial void LogScreened(ILogger logger, EnquiryReference reference, string? countryCode, string? region, IReadOnlyList<string> themes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} is {Status} already; message ignored")]
    private static partial void LogAlreadyScreened(ILogger logger, EnquiryReference reference, EnquiryStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Screening {Subject} failed on delivery {DequeueCount}, the last; the message goes to the poison queue")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string subject, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the poison message {Subject}")]
    private static partial void LogRecordingFailed(ILogger logger, Exception exception, string subject);
}
