namespace OnePointEntry.Statistics;

/// <summary>
/// A month's report as it was sent: the figures (the JSON of <see cref="StatisticsDocument"/>) and when its mail
/// and Teams card went into the outbox, whose deliveries (subject <see cref="DeliverySubject"/>) say when they arrived.
/// </summary>
public sealed record MonthlyReportRecord
{
    public required CalendarMonth Month { get; init; }

    /// <summary>The figures the report showed, as JSON; null until it was first sent.</summary>
    public string? Figures { get; init; }

    /// <summary>When the mail and the card were recorded in the outbox; null until then.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>What the deliveries of the report last sent are about: <c>report-yyyy-MM</c>, with the time of a resend after it.</summary>
    public string? DeliverySubject { get; init; }
}
