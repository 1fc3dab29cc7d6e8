using System.Globalization;
using Microsoft.Extensions.Logging;
using OnePointEntry.Statistics;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Staff moving an enquiry along its lifecycle; every change is audited with who, when and why. Scheduling the
/// visit (or calling it off) also updates the delegations the statistics count.
/// </summary>
public sealed partial class EnquiryStatusUpdate(IEnquiryStore store, DelegationCount delegations, TimeProvider time, ILogger<EnquiryStatusUpdate> logger)
{
    private const int MaxConcurrencyRetries = 3;

    /// <param name="visitDate">
    /// The delegation's arrival day, when the visit is scheduled or moved; only with a status from
    /// <see cref="EnquiryStatus.VisitScheduled"/> on.
    /// </param>
    public async Task<StatusUpdateResult> ChangeAsync(EnquiryReference reference, EnquiryStatus to, string changedBy, string? note, DateOnly? visitDate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        using var scope = EnquiryLogScope.Begin(logger, reference);
        if (visitDate is not null && !EnquiryLifecycle.IsFacilitated(to))
        {
            throw new ArgumentException($"A visit date goes with {EnquiryStatus.VisitScheduled} or {EnquiryStatus.Completed}, not {to}.", nameof(visitDate));
        }

        for (var attempt = 1; attempt <= MaxConcurrencyRetries; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken);
            if (enquiry is null)
            {
                return new StatusUpdateResult(StatusUpdateOutcome.NotFound, null, []);
            }

            var allowed = StaffMayChange(enquiry.Status);
            var moved = visitDate is not null && visitDate != enquiry.VisitDate;
            if (enquiry.Status == to && !moved)
            {
                // A repeated request also repairs the count, should it have failed after the status was saved.
                await delegations.FollowAsync(enquiry, enquiry, cancellationToken);
                return new StatusUpdateResult(StatusUpdateOutcome.Unchanged, enquiry, allowed);
            }

            if (enquiry.Status != to && !allowed.Contains(to))
            {
                LogRefused(logger, reference, enquiry.Status, to);
                return new StatusUpdateResult(StatusUpdateOutcome.NotAllowed, enquiry, allowed);
            }

            var updated = enquiry with { Status = to, VisitDate = visitDate ?? enquiry.VisitDate };
            if (EnquiryLifecycle.IsFacilitated(to) && StatisticsFacts.ArrivalOf(updated) is null)
            {
                return new StatusUpdateResult(StatusUpdateOutcome.VisitDateMissing, enquiry, allowed);
            }

            var why = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (moved)
            {
                var arrival = string.Create(CultureInfo.InvariantCulture, $"Visit arrives {visitDate:yyyy-MM-dd}.");
                why = why is null ? arrival : $"{arrival} {why}";
            }

            var change = new StatusChange(reference, enquiry.Status, to, changedBy.Trim(), time.GetUtcNow(), why);
            if (await store.TryUpdateAsync(updated, change, cancellationToken))
            {
                await delegations.FollowAsync(enquiry, updated, cancellationToken);
                LogChanged(logger, reference, enquiry.Status, to);
                return new StatusUpdateResult(StatusUpdateOutcome.Changed, await store.FindAsync(reference, cancellationToken) ?? updated, StaffMayChange(to));
            }
        }

        throw new InvalidOperationException($"Enquiry {reference} kept changing while its status was being set.");
    }

    private static List<EnquiryStatus> StaffMayChange(EnquiryStatus from) =>
        [.. EnquiryLifecycle.Next(from).Where(EnquiryLifecycle.SetByStaff.Contains)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} moved from {From} to {To}")]
    private static partial void LogChanged(ILogger logger, EnquiryReference reference, EnquiryStatus from, EnquiryStatus to);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: change from {From} to {To} refused by the lifecycle")]
    private static partial void LogRefused(ILogger logger, EnquiryReference reference, EnquiryStatus from, EnquiryStatus to);
}
