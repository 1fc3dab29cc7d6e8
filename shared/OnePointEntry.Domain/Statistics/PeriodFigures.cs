namespace OnePointEntry.Statistics;

/// <summary>The figures of one period: enquiries by the day received, delegations by the day they arrived.</summary>
public sealed record PeriodFigures(StatisticsPeriod Period, Breakdown DelegationsFacilitated, Breakdown EnquiriesReceived)
{
    /// <summary>Counts the facts that fall in <paramref name="period"/>; the others are left out.</summary>
    public static PeriodFigures Of(StatisticsPeriod period, IEnumerable<StatisticsFact> delegations, IEnumerable<StatisticsFact> enquiries)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new PeriodFigures(
            period,
            Breakdown.Of(delegations.Where(delegation => period.Contains(delegation.Date))),
            Breakdown.Of(enquiries.Where(enquiry => period.Contains(enquiry.Date))));
    }
}
