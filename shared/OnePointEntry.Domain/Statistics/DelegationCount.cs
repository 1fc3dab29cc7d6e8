using OnePointEntry.Enquiries;

namespace OnePointEntry.Statistics;

/// <summary>
/// Keeps the delegations the statistics count in step with an enquiry that changed (its status, its visit, its
/// facts). Idempotent: repeating it for the same change repairs a count that failed after the enquiry was saved.
/// </summary>
public sealed class DelegationCount(IStatisticsStore statistics)
{
    public async Task FollowAsync(Enquiry before, Enquiry after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (StatisticsFacts.DelegationOf(after) is { } delegation)
        {
            var previous = StatisticsFacts.DelegationOf(before)?.Date;
            await statistics.RecordDelegationAsync(delegation, previous == delegation.Date ? null : previous, cancellationToken);
        }
        else if ((after.Status == EnquiryStatus.Declined || after.SameDelegationAs is not null) && StatisticsFacts.ArrivalOf(before) is { } arrival)
        {
            // A visit called off no longer counts, nor one counted under another enquiry about the same delegation;
            // removing one that never counted removes nothing.
            await statistics.RemoveDelegationAsync(after.Reference.ToString(), arrival, cancellationToken);
        }
    }
}
