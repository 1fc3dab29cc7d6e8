using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OnePointEntry.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;

namespace OnePointEntry.Routing;

/// <summary>
/// Puts a screened enquiry in front of its screener: records in the <see cref="Outbox"/> a calendar block in the
/// first free half hour before the screening deadline, a Planner task due at the deadline and a Teams card, and
/// marks the enquiry routed. The outbox delivers them, retrying while Microsoft 365 or Teams is down, so routing
/// itself needs only storage. Each delivery is named by the reference and the screener: a repeated message records
/// nothing twice. When a team lead gave the screening to someone else, the new screener's event and task replace
/// whatever went out for the one before (see <see cref="Delivery.Replaces"/>). On the last delivery of a failing message the enquiry becomes
/// <see cref="EnquiryStatus.RoutingFailed"/> with the reason, for an operator to queue again.
/// </summary>
public sealed partial class EnquiryRouting(
    IEnquiryStore store,
    Outbox outbox,
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
        var now = time.GetUtcNow();
        var subject = reference.ToString();
        var who = decision.Screener.StaffName ?? screener;
        var assignedBy = decision.Screener.AssignedBy;
        // Only a screening a person moved can have gone out for someone else: the app's own routing reads nothing more.
        var earlier = assignedBy is null ? [] : await outbox.ListAboutAsync(subject, cancellationToken);
        await outbox.RecordAsync(
            [
                Delivery.OfBooking(new DeliveryId(subject, DeliveryKind.ScreeningEvent, screener), new ScreeningBooking(screener, brief.Subject, brief.Html, deadline, TransactionId(reference, screener)), now)
                    with { Replaces = ForOthers(earlier, DeliveryKind.ScreeningEvent, screener) },
                Delivery.OfTask(new DeliveryId(subject, DeliveryKind.ScreeningTask, screener), new ScreeningTask(subject, screener, brief.Subject, brief.PlainText, deadline), now)
                    with { Replaces = ForOthers(earlier, DeliveryKind.ScreeningTask, screener) },
                Delivery.OfCard(
                    new DeliveryId(subject, DeliveryKind.ScreeningCard, screener),
                    new TeamsCard(
                        brief.Subject,
                        assignedBy is null
                            ? $"Screening for {who}, due {CopenhagenTime.ToCopenhagen(deadline):yyyy-MM-dd HH:mm}."
                            : $"Screening for {who} (given to them by {assignedBy}), due {CopenhagenTime.ToCopenhagen(deadline):yyyy-MM-dd HH:mm}.",
                        brief.Facts,
                        link),
                    now),
            ],
            cancellationToken);

        var change = new StatusChange(reference, EnquiryStatus.Screened, EnquiryStatus.Routed, ChangedBy, now, $"Routed to {screener}");
        if (!await store.TryUpdateAsync(enquiry with { Status = EnquiryStatus.Routed, Routing = new RoutingRecord(screener, now) }, change, cancellationToken))
        {
            throw new InvalidOperationException($"Enquiry {reference} changed while it was being routed; the retry routes it from what was saved.");
        }

        LogRouted(logger, reference);
        return true;
    }

    // Every delivery of the kind that went out, or is on its way, to another screener and is not replaced yet.
    private static List<DeliveryId> ForOthers(IReadOnlyList<Delivery> earlier, DeliveryKind kind, string screener) =>
        [.. earlier
            .Where(delivery => delivery.Id.Kind == kind && delivery.State != DeliveryState.Replaced
                && !string.Equals(delivery.Id.Recipient, screener, StringComparison.OrdinalIgnoreCase))
            .Select(delivery => delivery.Id)];

    // The same transactionId for every attempt for one enquiry and screener: Graph then keeps the first event.
    private static string TransactionId(EnquiryReference reference, string screener) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("ope-screening-" + reference + "-" + screener.ToUpperInvariant())).AsSpan(0, 16)).ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} routed: calendar event, Planner task and Teams card are in the outbox")]
    private static partial void LogRouted(ILogger logger, EnquiryReference reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference} is {Status}; nothing to route")]
    private static partial void LogNothingToRoute(ILogger logger, EnquiryReference reference, EnquiryStatus status);
}
