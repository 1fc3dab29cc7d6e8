using OnePointEntry.Statistics;

namespace OnePointEntry.Retention;

/// <summary>How long enquiries keep their personal data, and how much one run of the sweep may do.</summary>
/// <param name="Months">Enquiries received in a month that ended more than this many months ago are anonymised.</param>
/// <param name="MaxPerRun">At most this many enquiries are anonymised per run; the sweep catches up over the following runs.</param>
public sealed record RetentionPolicy(int Months, int MaxPerRun)
{
    /// <summary>
    /// The newest month whose enquiries are past retention at <paramref name="now"/>: a whole month counts, so
    /// with 24 months an enquiry of 31 October 2024 is anonymised on 1 November 2026 (Copenhagen time).
    /// </summary>
    public CalendarMonth LastExpiredMonth(DateTimeOffset now) => CalendarMonth.InCopenhagen(now).AddMonths(-Months - 1);
}
