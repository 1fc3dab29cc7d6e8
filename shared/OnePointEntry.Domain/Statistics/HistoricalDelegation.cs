namespace OnePointEntry.Statistics;

/// <summary>
/// A delegation from before the app, read from a history file. Its <see cref="StatisticsFact.Id"/> is derived
/// from the row's content, so that importing the same file again stores nothing twice.
/// </summary>
/// <param name="LineNumber">The file line the row starts on, for messages.</param>
/// <param name="Delegation">The delegation, counted in the month of its arrival.</param>
/// <param name="ReceivedDate">When its enquiry came in, if the history knows: then it also counts as an enquiry received.</param>
public sealed record HistoricalDelegation(int LineNumber, StatisticsFact Delegation, DateOnly? ReceivedDate);
