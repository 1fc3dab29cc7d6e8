namespace OnePointEntry.Statistics;

/// <summary>
/// What was delivered of a month's report: the figures as mailed (the JSON of <see cref="StatisticsDocument"/>)
/// and when each delivery step was done, so a retry repeats only the steps not done.
/// </summary>
public sealed record MonthlyReportRecord
{
    public required CalendarMonth Month { get; init; }

    /// <summary>The figures the report showed, as JSON; null until it was first sent.</summary>
    public string? Figures { get; init; }

    public DateTimeOffset? MailedAt { get; init; }

    public DateTimeOffset? PostedToTeamsAt { get; init; }
}
