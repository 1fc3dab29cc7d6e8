using Microsoft.Extensions.Logging;
using OnePointEntry.Statistics;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Staff marking two enquiries as one delegation (a municipality and a company forwarding the same visit), so that
/// the statistics count it once: the marked enquiry stops counting as facilitated, the other counts. Audited like
/// a correction (field <see cref="AuditField"/>, before and after the reference), in the same write as the enquiry;
/// the delegations counted follow in the same step. Undone by marking with no other enquiry.
/// </summary>
public sealed partial class SameDelegation(IEnquiryStore store, DelegationCount delegations, TimeProvider time, ILogger<SameDelegation> logger)
{
    public const string AuditField = "sameDelegationAs";

    // How far a chain of marks is followed to find a loop; staff mark pairs, so real chains are a link or two.
    private const int MaxChain = 10;

    /// <param name="counted">The enquiry that counts for both; null to make this one count for itself again.</param>
    public async Task<SameDelegationResult> MarkAsync(EnquiryReference reference, EnquiryReference? counted, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        using var scope = EnquiryLogScope.Begin(logger, reference);
        var enquiry = await store.FindAsync(reference, cancellationToken);
        if (enquiry is null)
        {
            return new(SameDelegationOutcome.NotFound, null);
        }

        if (enquiry.SameDelegationAs == counted)
        {
            return new(SameDelegationOutcome.Unchanged, enquiry);
        }

        if (counted is { } other)
        {
            var next = other;
            var ended = false;
            for (var link = 0; link < MaxChain && !ended; link++)
            {
                if (next == reference)
                {
                    return new(SameDelegationOutcome.Circular, enquiry);
                }

                var found = await store.FindAsync(next, cancellationToken);
                if (found is null && link == 0)
                {
                    return new(SameDelegationOutcome.OtherNotFound, enquiry);
                }

                if (found?.SameDelegationAs is { } further)
                {
                    next = further;
                }
                else
                {
                    ended = true;
                }
            }

            if (!ended)
            {
                // A chain this long is no pair of forwards any more; refuse rather than guess.
                return new(SameDelegationOutcome.Circular, enquiry);
            }
        }

        var marked = enquiry with { SameDelegationAs = counted };
        var audit = new FieldCorrection(reference, AuditField, enquiry.SameDelegationAs?.ToString(), counted?.ToString(), changedBy.Trim(), time.GetUtcNow());
        if (!await store.TryCorrectAsync(marked, [audit], statusChange: null, cancellationToken))
        {
            return new(SameDelegationOutcome.Conflict, await store.FindAsync(reference, cancellationToken));
        }

        await delegations.FollowAsync(enquiry, marked, cancellationToken);
        LogMarked(logger, reference, counted is not null);
        return new(SameDelegationOutcome.Marked, await store.FindAsync(reference, cancellationToken) ?? marked);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: marked as the same delegation as another ({Marked}); the statistics follow")]
    private static partial void LogMarked(ILogger logger, EnquiryReference reference, bool marked);
}
