using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Routing;

/// <summary>
/// Puts a screened enquiry in front of its screener: a calendar block in the first free half hour before the
/// screening deadline, a Planner task due at the deadline, and a Teams card. Each step's result is saved on
/// the enquiry before the next, so a retry skips what already happened and nothing is booked twice. On the
/// last delivery of a failing message the enquiry becomes <see cref="EnquiryStatus.RoutingFailed"/> with the
/// reason, for an operator to queue again.
/// </summary>
public sealed partial class EnquiryRouting(
    IEnquiryStore store,
    IScreeningCalendar calendar,
    IScreeningTaskBoard board,
    ITeamsNotifier teams,
    ReferenceQueueStep queueStep,
    RoutingOptions options,
    TimeProvider time,
    ILogger<EnquiryRouting> logger)
{
    public const string ChangedBy = "system:routing";

    public Task HandleMessageAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
        queueStep.RunAsync(
            QueueNames.Routing,
            message,
            dequeueCount,
            async (reference, cancellation) => await RouteAsync(reference, cancellation),
            (EnquiryStatus.Screened, EnquiryStatus.RoutingFailed, ChangedBy),
            cancellationToken);

    public async Task<bool> RouteAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        var enquiry = await store.FindAsync(reference, cancellationToken) ?? throw new EnquiryNotFoundException(reference);
        if (enquiry.Status != EnquiryStatus.Screened || enquiry.Decision?.Screener?.StaffId is not { } screener)
        {
            // Routed already, or waiting for a person: a repeated or late message changes nothing.
            LogNothingToRoute(logger, reference, enquiry.Status);
            return false;
        }

        var decision = enquiry.Decision;
        var deadline = decision.Deadline;
        var link = options.LinkTo(reference.ToString());
        var brief = ScreeningBrief.For(enquiry, link);
        var routing = enquiry.Routing is { } done && done.ScreenerId == screener ? done : new RoutingRecord(screener);

        if (routing.CalendarEventId is null)
        {
            var now = time.GetUtcNow();
            var busy = await calendar.GetBusyAsync(screener, new TimeInterval(now, deadline > now ? deadline : now.AddDays(7)), cancellationToken);
            // No free half hour before the deadline: the block goes just before it, overlapping, so the
            // screener still sees the deadline in the calendar.
            var slot = FreeSlotFinder.FindFirst(now, deadline, busy) ?? new TimeInterval(deadline - FreeSlotFinder.SlotLength, deadline);
            var eventId = await calendar.BookAsync(
                new ScreeningAppointment(screener, brief.Subject, brief.Html, slot.Start, slot.End, TransactionId(reference)),
                cancellationToken);
            (enquiry, routing) = await SaveAsync(enquiry, routing with { CalendarEventId = eventId, SlotStart = slot.Start }, null, cancellationToken);
        }

        if (routing.PlannerTaskId is null)
        {
            var taskId = await board.CreateTaskAsync(new ScreeningTask(reference.ToString(), screener, brief.Subject, brief.PlainText, deadline), cancellationToken);
            (enquiry, routing) = await SaveAsync(enquiry, routing with { PlannerTaskId = taskId }, null, cancellationToken);
        }

        if (routing.TeamsPostedAt is null)
        {
            var who = decision.Screener.StaffName ?? screener;
            await teams.PostAsync(new TeamsCard(brief.Subject, $"Screening for {who}, due {CopenhagenTime.ToCopenhagen(deadline):yyyy-MM-dd HH:mm}.", brief.Facts, link), cancellationToken);
            routing = routing with { TeamsPostedAt = time.GetUtcNow() };
        }

        var change = new StatusChange(reference, EnquiryStatus.Screened, EnquiryStatus.Routed, ChangedBy, time.GetUtcNow(), $"Routed to {screener}");
        await SaveAsync(enquiry, routing, change, cancellationToken);
        LogRouted(logger, reference);
        return true;
    }

    // The same transactionId for every retry of one enquiry: Graph then returns the first event.
    private static string TransactionId(EnquiryReference reference) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("ope-screening-" + reference)).AsSpan(0, 16)).ToString();

    private async Task<(Enquiry Enquiry, RoutingRecord Routing)> SaveAsync(Enquiry enquiry, RoutingRecord routing, StatusChange? change, CancellationToken cancellationToken)
    {
        var updated = enquiry with { Routing = routing, Status = change?.To ?? enquiry.Status };
        if (!await store.TryUpdateAsync(updated, change, cancellationToken))
        {
            throw new InvalidOperationException($"Enquiry {enquiry.Reference} changed while it was being routed; the retry continues from what was saved.");
        }

        return (await store.FindAsync(enquiry.Reference, cancellationToken) ?? updated, routing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} routed: calendar, Planner and Teams")]
    private static partial void LogRouted(ILogger logger, EnquiryReference reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} is {Status}; nothing to route")]
    private static partial void LogNothingToRoute(ILogger logger, EnquiryReference reference, EnquiryStatus status);
}
