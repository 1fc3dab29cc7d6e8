namespace OnePointEntry.Statistics;

/// <summary>Who gets the monthly report by e-mail (management, the team's shared address).</summary>
public sealed record MonthlyReportRecipients(IReadOnlyList<string> To);
