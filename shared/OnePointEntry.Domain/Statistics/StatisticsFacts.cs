using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Statistics;

/// <summary>What the statistics count of a live enquiry: the one place that decides it, for both measures.</summary>
public static class StatisticsFacts
{
    /// <summary>The enquiry as received: counted on its Copenhagen day, with its facts as they stand (staff's corrections, else screening's, else the sender's).</summary>
    public static StatisticsFact EnquiryOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return Describe(enquiry, CopenhagenTime.DateOf(enquiry.ReceivedAt));
    }

    /// <summary>
    /// The delegation as facilitated, counted on its arrival day; null while the enquiry is not facilitated, no
    /// arrival day is known, or another enquiry about the same delegation is the one counted.
    /// </summary>
    public static StatisticsFact? DelegationOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return EnquiryLifecycle.IsFacilitated(enquiry.Status) && enquiry.SameDelegationAs is null && ArrivalOf(enquiry) is { } arrival
            ? Describe(enquiry, arrival)
            : null;
    }

    /// <summary>The day a facilitated delegation counts on: the scheduled visit's, else the one asked for.</summary>
    public static DateOnly? ArrivalOf(Enquiry enquiry)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return enquiry.VisitDate ?? EnquiryFacts.Of(enquiry).ArrivalDate;
    }

    private static StatisticsFact Describe(Enquiry enquiry, DateOnly date)
    {
        var facts = EnquiryFacts.Of(enquiry);
        return new StatisticsFact
        {
            Id = enquiry.Reference.ToString(),
            Date = date,
            CountryCode = facts.CountryCode,
            Region = facts.Region,
            City = facts.City,
            Sector = facts.Sector,
            Level = facts.Level,
            Themes = facts.Themes,
            DelegationSize = facts.DelegationSize,
            Organisation = facts.Organisation,
        };
    }
}
