namespace OnePointEntry.Statistics;

/// <summary>One line of the chart: a country's delegations per month, or all other countries' when the code is null.</summary>
public sealed record ChartSeries(string? CountryCode, IReadOnlyList<int> Counts);
