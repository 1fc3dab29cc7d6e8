using OnePointEntry.Enquiries;

namespace OnePointEntry.Statistics;

/// <summary>What the statistics count of a live enquiry: the one place that decides it, for both measures.</summary>
public static class StatisticsFacts
{
    /// <summary>The enquiry as received: counted on its Copenhagen day, with what screening found (or the sender gave).</summary>
    public static StatisticsFact EnquiryOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return Describe(enquiry, CopenhagenTime.DateOf(enquiry.ReceivedAt));
    }

    /// <summary>
    /// The delegation as facilitated, counted on its arrival day; null while the enquiry is not facilitated or
    /// no arrival day is known.
    /// </summary>
    public static StatisticsFact? DelegationOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return EnquiryLifecycle.IsFacilitated(enquiry.Status) && ArrivalOf(enquiry) is { } arrival ? Describe(enquiry, arrival) : null;
    }

    /// <summary>The day a facilitated delegation counts on: the scheduled visit's, else the one asked for.</summary>
    public static DateOnly? ArrivalOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.VisitDate ?? enquiry.Submission.ArrivalDate;
    }

    private static StatisticsFact Describe(Enquiry enquiry, DateOnly date)
    {
        var submission = enquiry.Submission;
        var screening = enquiry.Screening;
        return new StatisticsFact
        {
            Id = enquiry.Reference.ToString(),
            Date = date,
            CountryCode = screening?.CountryCode,
            Region = screening is null ? submission.Region : screening.Region,
            City = screening is null ? submission.City : screening.City,
            Sector = screening is null ? submission.Sector : screening.Sector,
            Level = screening is null ? submission.Level : screening.Level,
            Themes = screening?.Themes ?? submission.Themes,
            DelegationSize = submission.DelegationSize,
            Organisation = submission.Organisation,
        };
    }
}
