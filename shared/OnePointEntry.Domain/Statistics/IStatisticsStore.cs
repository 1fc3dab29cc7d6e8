namespace OnePointEntry.Statistics;

/// <summary>
/// Where the statistics read their facts. Implementations must read by month (partition), never every
/// enquiry ever stored: a report's cost may grow with the months it covers, not with the years kept.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>The delegations facilitated whose visit arrived in the months given, live and imported.</summary>
    Task<IReadOnlyList<StatisticsFact>> ListDelegationsAsync(CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken);

    /// <summary>The enquiries received in the months given, live and imported.</summary>
    Task<IReadOnlyList<StatisticsFact>> ListEnquiriesAsync(CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a delegation as facilitated in its arrival month, replacing what was recorded for it before
    /// (also in another month, when <paramref name="previousDate"/> says the visit moved). Idempotent.
    /// </summary>
    Task RecordDelegationAsync(StatisticsFact delegation, DateOnly? previousDate, CancellationToken cancellationToken);

    /// <summary>Stops counting a delegation (the visit was called off). Idempotent.</summary>
    Task RemoveDelegationAsync(string id, DateOnly arrivalDate, CancellationToken cancellationToken);

    /// <summary>
    /// Stores delegations from before the app: each in its arrival month, and as an enquiry received where the
    /// history knows the day, marked with the <paramref name="source"/> they came from (the file's name).
    /// Keyed by <see cref="StatisticsFact.Id"/>, so importing the same rows again replaces them. With
    /// <paramref name="replace"/>, the rows stored earlier from the same source that are not in
    /// <paramref name="history"/> are removed afterwards: a corrected file replaces the one before.
    /// </summary>
    /// <returns>How many rows were removed.</returns>
    Task<int> ImportHistoryAsync(IReadOnlyList<HistoricalDelegation> history, string source, bool replace, CancellationToken cancellationToken);
}
