using Microsoft.Extensions.Logging;
using OnePointEntry.Directories;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Routing;

/// <summary>
/// A team lead giving an enquiry's screening to another screener (someone fell ill, or knows the delegation): the
/// decision names the new screener with who gave it to them, the enquiry goes back to
/// <see cref="EnquiryStatus.Screened"/> and onto the routing queue, and routing records the new screener's event,
/// task and card in place of what went out for the one before: the old event is deleted and the Planner task
/// handed on when the outbox delivers them. Audited as a correction of the field <see cref="AuditField"/> (before
/// and after the staff id) and, when the status moves, as a status change, in the same write as the enquiry.
/// </summary>
/// <remarks>
/// Routing does the moving so that there is one way an enquiry reaches a screener's calendar, and a move that
/// crosses a routing already under way (the queue's message for the old screener) is settled the same way: the
/// last one to record replaces what the others recorded.
/// </remarks>
public sealed partial class ScreenerReassignment(
    IEnquiryStore store,
    IStaffDirectory staff,
    IRoutingQueue routingQueue,
    TimeProvider time,
    ILogger<ScreenerReassignment> logger)
{
    public const string AuditField = "screener";

    // The statuses in which a screening is waiting, on its way or in front of a screener. From Accepted on the
    // screener has decided, and what follows is mediation, not screening.
    private static readonly HashSet<EnquiryStatus> s_movable =
        [EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.RoutingFailed, EnquiryStatus.NeedsManualReview];

    public static bool CanReassign(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.Decision is not null && s_movable.Contains(enquiry.Status);
    }

    public async Task<ScreenerReassignmentResult> ReassignAsync(EnquiryReference reference, string staffId, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        changedBy = changedBy.Trim();
        using var scope = EnquiryLogScope.Begin(logger, reference);
        var member = await staff.FindAsync(staffId.Trim(), cancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var enquiry = await store.FindAsync(reference, cancellationToken);
            if (enquiry is null)
            {
                return new(ScreenerReassignmentOutcome.NotFound, null);
            }

            if (!CanReassign(enquiry))
            {
                return new(ScreenerReassignmentOutcome.NotAllowed, enquiry);
            }

            if (member is not { Active: true })
            {
                return new(ScreenerReassignmentOutcome.UnknownScreener, enquiry);
            }

            var decision = enquiry.Decision!;
            var before = decision.Screener?.StaffId;
            if (string.Equals(before, member.Id, StringComparison.OrdinalIgnoreCase))
            {
                // Pressed again after the queue failed the first time: queued now (routing a routed one changes nothing).
                if (enquiry.Status == EnquiryStatus.Screened)
                {
                    await routingQueue.SendAsync(reference, cancellationToken);
                }

                return new(ScreenerReassignmentOutcome.Unchanged, enquiry);
            }

            var now = time.GetUtcNow();
            var choice = new ScreenerChoice(
                member.Id,
                member.Name,
                IsFallback: false,
                [$"Given to {member.Name} by {changedBy}, in place of {decision.Screener?.StaffName ?? before ?? "nobody"}."],
                AssignedBy: changedBy);
            var moved = enquiry with { Status = EnquiryStatus.Screened, Decision = decision with { Screener = choice } };
            var audit = new FieldCorrection(reference, AuditField, before, member.Id, changedBy, now);
            var statusChange = enquiry.Status == EnquiryStatus.Screened
                ? null
                : new StatusChange(reference, enquiry.Status, EnquiryStatus.Screened, changedBy, now, $"Screening given to {member.Id}; routed again");
            if (await store.TryCorrectAsync(moved, [audit], statusChange, cancellationToken))
            {
                // Should this fail, the enquiry waits in Screened, where the worklist shows it; giving it to the
                // same person again, or "route again", queues it.
                await routingQueue.SendAsync(reference, cancellationToken);
                LogReassigned(logger, reference, enquiry.Status);
                return new(ScreenerReassignmentOutcome.Reassigned, await store.FindAsync(reference, cancellationToken) ?? moved);
            }
        }

        return new(ScreenerReassignmentOutcome.Conflict, await store.FindAsync(reference, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: screening given to another screener (was {Status}); routing queued")]
    private static partial void LogReassigned(ILogger logger, EnquiryReference reference, EnquiryStatus status);
}
