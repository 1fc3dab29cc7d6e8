namespace OnePointEntry.Statistics;

/// <summary>The same period a year earlier, as the JSON shows it.</summary>
public sealed record PreviousFiguresDocument(string Period, Breakdown DelegationsFacilitated, Breakdown EnquiriesReceived);
