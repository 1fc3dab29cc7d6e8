namespace OnePointEntry.Statistics;

/// <summary>A period's figures beside those of the same period a year earlier, and the growth between them.</summary>
public sealed record PeriodStatistics(PeriodFigures Current, PeriodFigures Previous)
{
    public StatisticsPeriod Period => Current.Period;

    /// <summary>Growth of the delegations facilitated: the figure management reads first.</summary>
    public Growth DelegationsGrowth => Growth.Between(Previous.DelegationsFacilitated, Current.DelegationsFacilitated);

    public Growth EnquiriesGrowth => Growth.Between(Previous.EnquiriesReceived, Current.EnquiriesReceived);

    public static PeriodStatistics Of(StatisticsPeriod period, IReadOnlyCollection<StatisticsFact> delegations, IReadOnlyCollection<StatisticsFact> enquiries)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new PeriodStatistics(PeriodFigures.Of(period, delegations, enquiries), PeriodFigures.Of(period.YearEarlier(), delegations, enquiries));
    }
}
