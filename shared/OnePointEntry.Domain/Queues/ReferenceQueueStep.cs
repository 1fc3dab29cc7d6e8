using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Queues;

/// <summary>
/// Runs one step of the enquiry pipeline for a <see cref="ReferenceMessage"/> (screening, routing). On the
/// last delivery of a failing message it records the error for operators and moves the enquiry from the
/// status it was waiting in to the step's failed status, before the host moves the message to the poison
/// queue. A failure to record is logged and never hides the step's own error.
/// </summary>
public sealed partial class ReferenceQueueStep(
    IEnquiryStore store,
    IPoisonMessageLog poisonMessages,
    QueueRetryPolicy retryPolicy,
    TimeProvider time,
    ILogger<ReferenceQueueStep> logger)
{
    /// <param name="queue">The queue the message came from.</param>
    /// <param name="step">The work for the enquiry the message names.</param>
    /// <param name="onGivingUp">
    /// The status the enquiry has while the step still owes it something, the status it gets when the step
    /// gives up, and who the audit names for that change.
    /// </param>
    public async Task RunAsync(
        string queue,
        string message,
        long dequeueCount,
        Func<EnquiryReference, CancellationToken, Task> step,
        (EnquiryStatus Waiting, EnquiryStatus Failed, string ChangedBy) onGivingUp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(step);
        EnquiryReference? reference = null;
        try
        {
            reference = ReferenceMessage.Parse(message);
            using var scope = EnquiryLogScope.Begin(logger, reference.Value);
            await step(reference.Value, cancellationToken);
        }
        catch (Exception exception) when (retryPolicy.IsLastAttempt(dequeueCount) && exception is not OperationCanceledException)
        {
            await RecordFailureAsync(queue, message, reference, exception, dequeueCount, onGivingUp, cancellationToken);
            throw;
        }
    }

    private async Task RecordFailureAsync(
        string queue,
        string message,
        EnquiryReference? reference,
        Exception exception,
        long dequeueCount,
        (EnquiryStatus Waiting, EnquiryStatus Failed, string ChangedBy) onGivingUp,
        CancellationToken cancellationToken)
    {
        var subject = reference?.ToString() ?? "message-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
        var error = $"{exception.GetType().Name}: {exception.Message}";
        LogGivingUp(logger, exception, queue, subject, dequeueCount);
        try
        {
            await poisonMessages.RecordAsync(new PoisonMessage(queue, subject, error, time.GetUtcNow(), dequeueCount), cancellationToken);
            if (reference is { } known && await store.FindAsync(known, cancellationToken) is { } enquiry && enquiry.Status == onGivingUp.Waiting)
            {
                var change = new StatusChange(known, enquiry.Status, onGivingUp.Failed, onGivingUp.ChangedBy, time.GetUtcNow(), error);
                await store.TryUpdateAsync(enquiry with { Status = onGivingUp.Failed }, change, cancellationToken);
            }
        }
        catch (Exception recordingFailure) when (recordingFailure is not OperationCanceledException)
        {
            // The message still reaches the poison queue; only the operator's note of it is missing.
            LogRecordingFailed(logger, recordingFailure, subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Queue} message for {Subject} failed on delivery {DequeueCount}, the last; it goes to the poison queue")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, string queue, string subject, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the poison message {Subject}")]
    private static partial void LogRecordingFailed(ILogger logger, Exception exception, string subject);
}
