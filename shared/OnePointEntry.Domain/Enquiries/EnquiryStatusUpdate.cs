using Microsoft.Extensions.Logging;

namespace OnePointEntry.Enquiries;

/// <summary>Staff moving an enquiry along its lifecycle; every change is audited with who, when and why.</summary>
public sealed partial class EnquiryStatusUpdate(IEnquiryStore store, TimeProvider time, ILogger<EnquiryStatusUpdate> logger)
{
    private const int MaxConcurrencyRetries = 3;

    public async Task<StatusUpdateResult> ChangeAsync(EnquiryReference reference, EnquiryStatus to, string changedBy, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        for (var attempt = 1; attempt <= MaxConcurrencyRetries; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken);
            if (enquiry is null)
            {
                return new StatusUpdateResult(StatusUpdateOutcome.NotFound, null, []);
            }

            var allowed = EnquiryLifecycle.Next(enquiry.Status).Where(EnquiryLifecycle.SetByStaff.Contains).ToList();
            if (enquiry.Status == to)
            {
                return new StatusUpdateResult(StatusUpdateOutcome.Unchanged, enquiry, allowed);
            }

            if (!allowed.Contains(to))
            {
                LogRefused(logger, reference, enquiry.Status, to);
                return new StatusUpdateResult(StatusUpdateOutcome.NotAllowed, enquiry, allowed);
            }

            var change = new StatusChange(reference, enquiry.Status, to, changedBy.Trim(), time.GetUtcNow(), string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            var updated = enquiry with { Status = to };
            if (await store.TryUpdateAsync(updated, change, cancellationToken))
            {
                LogChanged(logger, reference, enquiry.Status, to);
                return new StatusUpdateResult(StatusUpdateOutcome.Changed, await store.FindAsync(reference, cancellationToken) ?? updated, EnquiryLifecycle.Next(to).Where(EnquiryLifecycle.SetByStaff.Contains).ToList());
            }
        }

        throw new InvalidOperationException($"Enquiry {reference} kept changing while its status was being set.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} moved from {From} to {To}")]
    private static partial void LogChanged(ILogger logger, EnquiryReference reference, EnquiryStatus from, EnquiryStatus to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: change from {From} to {To} refused by the lifecycle")]
    private static partial void LogRefused(ILogger logger, EnquiryReference reference, EnquiryStatus from, EnquiryStatus to);
}
