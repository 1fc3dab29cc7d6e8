using Microsoft.Extensions.Logging;
using OnePointEntry.Directories;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using OnePointEntry.Screening.Decision;

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
    ScreeningDecisionMaker decisionMaker,
    IStaffDirectory staffDirectory,
    IPartnerDirectory partnerDirectory,
    IRoutingQueue routingQueue,
    ReferenceQueueStep queueStep,
    TimeProvider time,
    ILogger<EnquiryScreening> logger,
    IScreenerAvailability? availability = null)
{
    /// <summary>Who the audit says made screening's status changes.</summary>
    public const string ChangedBy = "system:screening";

    // Two screenings of one enquiry racing each other: the loser re-reads and finds it screened.
    private const int MaxConcurrencyRetries = 3;

    public Task HandleMessageAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
        queueStep.RunAsync(
            QueueNames.Screening,
            message,
            dequeueCount,
            async (reference, cancellation) => await ScreenAsync(reference, cancellation),
            (EnquiryStatus.Received, EnquiryStatus.ScreeningFailed, ChangedBy),
            cancellationToken);

    public async Task<ScreeningOutcome> ScreenAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxConcurrencyRetries; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken)
                ?? throw new EnquiryNotFoundException(reference);
            if (enquiry.Status != EnquiryStatus.Received)
            {
                // Screened before, perhaps without routing having been queued (the queue failed just after
                // the save): queue it again; routing skips what is done.
                if (enquiry.Status == EnquiryStatus.Screened && enquiry.Decision?.Screener?.StaffId is not null)
                {
                    await routingQueue.SendAsync(reference, cancellationToken);
                }

                LogAlreadyScreened(logger, reference, enquiry.Status);
                return ScreeningOutcome.AlreadyScreened;
            }

            var now = time.GetUtcNow();
            var screened = enquiry with { Screening = screener.Screen(enquiry, now) };
            var staff = await staffDirectory.ListAsync(cancellationToken);
            var openLoad = await OpenLoadAsync(now, cancellationToken);
            var decision = decisionMaker.Decide(
                screened,
                staff,
                await partnerDirectory.ListAsync(cancellationToken),
                openLoad,
                await AvailabilityAsync(screened, staff, openLoad, now, cancellationToken),
                now);
            var status = decision.Outcome == DecisionOutcome.NeedsManualReview ? EnquiryStatus.NeedsManualReview : EnquiryStatus.Screened;
            var reviewReason = status == EnquiryStatus.NeedsManualReview ? decision.ManualReviewReason : null;
            var change = new StatusChange(reference, enquiry.Status, status, ChangedBy, now, reviewReason);
            var updated = screened with { Status = status, Decision = decision, ManualReviewReason = reviewReason };
            if (await store.TryUpdateAsync(updated, change, cancellationToken))
            {
                if (status == EnquiryStatus.Screened && decision.Screener?.StaffId is not null)
                {
                    await routingQueue.SendAsync(reference, cancellationToken);
                }

                LogScreened(logger, reference, status, screened.Screening!.CountryCode, screened.Screening.Themes, decision.Outcome, decision.Priority.Level);
                return ScreeningOutcome.Screened;
            }
        }

        throw new InvalidOperationException($"Enquiry {reference} kept changing while it was being screened.");
    }

    // Availability only breaks ties after language, expertise and load, so only the calendars of those still tied
    // are read, and none when one person leads: the others' could not change the choice, and each read is a Graph
    // request. Without calendars (no routing configured) availability is unknown and the choice rests on
    // language, expertise and load.
    private async Task<IReadOnlyDictionary<string, bool>?> AvailabilityAsync(Enquiry screened, IReadOnlyList<StaffMember> staff, IReadOnlyDictionary<string, int> openLoad, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (availability is null)
        {
            return null;
        }

        var tied = decisionMaker.TiedBeforeAvailability(screened, staff, openLoad);
        return tied.Count < 2 ? null : await availability.FindAsync(tied, now, ScreeningDeadline.For(screened.ReceivedAt), cancellationToken);
    }

    // Screenings already decided but not finished, per screener: this month's and last month's counters (older
    // enquiries are long past their two-working-day deadline). One small read per month, whatever the month holds.
    private async Task<IReadOnlyDictionary<string, int>> OpenLoadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var months = await Task.WhenAll(CopenhagenTime.ThisAndLastMonth(now).Select(month => store.ReadOpenLoadAsync(month, cancellationToken)));
        var load = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (staffId, open) in months.SelectMany(month => month))
        {
            load[staffId] = load.GetValueOrDefault(staffId) + open;
        }

        return load;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} screened ({Status}): country {CountryCode}, themes {Themes}, decision {Outcome}, priority {Priority}")]
    private static partial void LogScreened(ILogger logger, EnquiryReference reference, EnquiryStatus status, string? countryCode, IReadOnlyList<string> themes, DecisionOutcome outcome, PriorityLevel priority);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} is {Status} already; message ignored")]
    private static partial void LogAlreadyScreened(ILogger logger, EnquiryReference reference, EnquiryStatus status);
}
