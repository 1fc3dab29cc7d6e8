using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Statistics;

namespace OnePointEntry.Integration.Tests.Statistics;

/// <summary>
/// A small history and a few live enquiries, built so that each figure of February 2024 (a leap month) and its
/// year-earlier month can be counted by hand: see the tests for the counts.
/// </summary>
internal static class StatisticsDataSet
{
    public static IReadOnlyList<HistoricalDelegation> History { get; } =
    [
        Row(1, "2023-02-10", "CN", "public", "municipal", ["education-research"], "2023-01-05"),
        Row(2, "2023-02-28", "CN", "private", null, [], null),
        Row(3, "2023-03-01", "DE", "academic", null, ["life-science-medtech"], "2023-02-01"),
        Row(4, "2024-02-29", "CN", "public", "provincial", ["energy-climate"], "2024-01-31"),
        Row(5, "2023-11-15", "JP", "other", null, [], null),
    ];

    /// <summary>Stores the history and the live enquiries and walks them through the lifecycle; returns the references.</summary>
    public static async Task<LiveReferences> StoreAsync(StorageFixture storage)
    {
        var services = storage.Services;
        using var scope = services.CreateScope();
        var statistics = scope.ServiceProvider.GetRequiredService<IStatisticsStore>();
        var update = scope.ServiceProvider.GetRequiredService<EnquiryStatusUpdate>();
        await statistics.ImportHistoryAsync(History, "history.csv", replace: false, CancellationToken.None);

        // 2024-01-31 23:30 UTC is already 1 February in Copenhagen.
        var chinese = await AddAsync(storage, "2024-01-31T23:30:00Z", "CN", "public", "municipal", ["sustainable-urban-development"]);
        // The last second of the leap day in Copenhagen.
        var american = await AddAsync(storage, "2024-02-29T22:59:59Z", "US", "private", null, ["investment-trade"]);
        // Midnight in Copenhagen: March.
        var swedish = await AddAsync(storage, "2024-02-29T23:00:00Z", "SE", "academic", null, []);
        var norwegian = await AddAsync(storage, "2024-02-10T09:00:00Z", "NO", "public", "national", []);
        var unscreened = await AddAsync(storage, "2024-02-11T09:00:00Z", null, null, null, []);

        await ScheduleAsync(update, chinese, "2024-01-20");
        // Moved into February: it must no longer count in January.
        await SetAsync(update, chinese, EnquiryStatus.VisitScheduled, "2024-02-15");
        await ScheduleAsync(update, american, "2024-02-25");
        await ScheduleAsync(update, swedish, "2024-03-10");
        await ScheduleAsync(update, norwegian, "2024-02-12");
        await SetAsync(update, norwegian, EnquiryStatus.Declined, null);
        return new LiveReferences(chinese, american, swedish, norwegian, unscreened);
    }

    private static HistoricalDelegation Row(int line, string visit, string country, string sector, string? level, string[] themes, string? received) =>
        new(line, new StatisticsFact
        {
            Id = $"history-test-{line}",
            Date = DateOnly.Parse(visit, System.Globalization.CultureInfo.InvariantCulture),
            CountryCode = country,
            Sector = sector,
            Level = level,
            Themes = themes,
            Organisation = $"Historical delegation {line}",
        }, received is null ? null : DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<EnquiryReference> AddAsync(StorageFixture storage, string receivedAt, string? country, string? sector, string? level, string[] themes)
    {
        var store = storage.Services.GetRequiredService<IEnquiryStore>();
        var received = DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture);
        var reference = EnquiryReference.New(CopenhagenTime.DateOf(received));
        var enquiry = new Enquiry
        {
            Reference = reference,
            Source = EnquirySource.WebForm,
            ReceivedAt = received,
            Status = country is null ? EnquiryStatus.Received : EnquiryStatus.Screened,
            Submission = new EnquirySubmission
            {
                Organisation = "Delegation " + reference,
                Country = country ?? "Atlantis",
                ContactEmail = "someone@example.org",
                Purpose = "A study visit.",
            },
            Screening = country is null ? null : new ScreenedFacts { CountryCode = country, Sector = sector, Level = level, Themes = themes, ScreenedAt = received },
        };
        Assert.Equal(AddEnquiryResult.Added, await store.AddAsync(enquiry, [], [], CancellationToken.None));
        return reference;
    }

    private static async Task ScheduleAsync(EnquiryStatusUpdate update, EnquiryReference reference, string visitDate)
    {
        await SetAsync(update, reference, EnquiryStatus.Accepted, null);
        await SetAsync(update, reference, EnquiryStatus.VisitScheduled, visitDate);
    }

    private static async Task SetAsync(EnquiryStatusUpdate update, EnquiryReference reference, EnquiryStatus status, string? visitDate)
    {
        var result = await update.ChangeAsync(reference, status, "anna@onepointentry.example", null, visitDate is null ? null : DateOnly.Parse(visitDate, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Equal(StatusUpdateOutcome.Changed, result.Outcome);
    }

    public sealed record LiveReferences(EnquiryReference Chinese, EnquiryReference American, EnquiryReference Swedish, EnquiryReference Norwegian, EnquiryReference Unscreened);
}
