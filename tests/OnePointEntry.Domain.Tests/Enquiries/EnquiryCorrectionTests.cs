using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Statistics;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryCorrectionTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryEnquiryStore _store = new();
    private readonly Mock<IStatisticsStore> _statistics = new();
    private readonly EnquiryCorrection _correction;

    public EnquiryCorrectionTests() => _correction = new EnquiryCorrection(
        _store,
        new EnquiryFieldValues(CountryDirectory.Default, ThemeTaxonomy.Default),
        new DelegationCount(_statistics.Object),
        new FakeTimeProvider(s_now),
        NullLogger<EnquiryCorrection>.Instance);

    [Fact]
    public async Task A_correction_changes_the_facts_as_they_stand_keeps_what_was_read_and_audits_each_field()
    {
        var enquiry = await AddAsync(EnquiryStatus.NeedsManualReview);

        var result = await CorrectAsync(enquiry, new() { ["country"] = "Sverige", ["sector"] = "private", ["city"] = "Liaoyang" });

        Assert.Equal(CorrectionOutcome.Corrected, result.Outcome);
        var stored = (await _store.FindAsync(enquiry.Reference, CancellationToken.None))!;
        var facts = EnquiryFacts.Of(stored);
        Assert.Equal(("SE", "private"), (facts.CountryCode, facts.Sector));
        Assert.Equal("CN", EnquiryFacts.AsRead(stored).CountryCode);
        var audit = await _store.ListCorrectionsAsync(enquiry.Reference, CancellationToken.None);
        Assert.Equal(
            [("country", "CN", "SE"), ("sector", "public", "private")],
            audit.Select(correction => (correction.Field, correction.Before, correction.After)));
        Assert.All(audit, correction => Assert.Equal(("mei@onepointentry.example", s_now), (correction.ChangedBy, correction.ChangedAt)));
    }

    [Fact]
    public async Task A_correction_made_on_an_older_version_saves_nothing_and_says_so()
    {
        var enquiry = await AddAsync(EnquiryStatus.NeedsManualReview);
        await CorrectAsync(enquiry, new() { ["sector"] = "private" });

        var second = await CorrectAsync(enquiry, new() { ["country"] = "DE" });

        Assert.Equal(CorrectionOutcome.Conflict, second.Outcome);
        Assert.Equal("CN", EnquiryFacts.Of((await _store.FindAsync(enquiry.Reference, CancellationToken.None))!).CountryCode);
        Assert.Single(await _store.ListCorrectionsAsync(enquiry.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task Invalid_values_save_nothing_and_are_named_by_field()
    {
        var enquiry = await AddAsync(EnquiryStatus.NeedsManualReview);

        var result = await CorrectAsync(enquiry, new() { ["country"] = "Atlantis", ["sector"] = "private", ["purpose"] = "x" });

        Assert.Equal(CorrectionOutcome.Invalid, result.Outcome);
        Assert.Equal(["country", "purpose"], result.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await _store.ListCorrectionsAsync(enquiry.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task A_departure_before_the_arrival_is_refused()
    {
        var enquiry = await AddAsync(EnquiryStatus.Routed, arrival: new DateOnly(2027, 3, 10));

        var result = await CorrectAsync(enquiry, new() { ["departureDate"] = "2027-03-09" });

        Assert.Equal(CorrectionOutcome.Invalid, result.Outcome);
        Assert.Contains("departureDate", result.Problems.Keys);
    }

    [Fact]
    public async Task The_same_values_again_change_nothing()
    {
        var enquiry = await AddAsync(EnquiryStatus.Routed);

        var result = await CorrectAsync(enquiry, new() { ["country"] = "China", ["sector"] = "public" });

        Assert.Equal(CorrectionOutcome.Unchanged, result.Outcome);
        Assert.Equal(enquiry.Version, (await _store.FindAsync(enquiry.Reference, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Clearing_a_fact_makes_it_unknown()
    {
        var enquiry = await AddAsync(EnquiryStatus.Routed);

        await CorrectAsync(enquiry, new() { ["level"] = null });

        Assert.Null(EnquiryFacts.Of((await _store.FindAsync(enquiry.Reference, CancellationToken.None))!).Level);
        Assert.Equal(("municipal", (string?)null), (await _store.ListCorrectionsAsync(enquiry.Reference, CancellationToken.None)).Select(c => (c.Before, c.After)).Single());
    }

    [Fact]
    public async Task Correcting_a_facilitated_delegation_moves_its_count_to_the_corrected_facts_and_month()
    {
        var enquiry = await AddAsync(EnquiryStatus.VisitScheduled, arrival: new DateOnly(2027, 3, 10));

        await CorrectAsync(enquiry, new() { ["country"] = "SE", ["arrivalDate"] = "2027-04-02", ["departureDate"] = "2027-04-03" });

        _statistics.Verify(store => store.RecordDelegationAsync(
            It.Is<StatisticsFact>(fact => fact.CountryCode == "SE" && fact.Date == new DateOnly(2027, 4, 2)),
            new DateOnly(2027, 3, 10),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Correcting_an_enquiry_not_yet_facilitated_counts_no_delegation()
    {
        var enquiry = await AddAsync(EnquiryStatus.Routed);

        await CorrectAsync(enquiry, new() { ["country"] = "SE" });

        _statistics.VerifyNoOtherCalls();
    }

    private Task<CorrectionResult> CorrectAsync(Enquiry enquiry, Dictionary<string, string?> values) =>
        _correction.CorrectAsync(enquiry.Reference, EnquiryVersionTag.Of(enquiry.Version!), values, "mei@onepointentry.example", CancellationToken.None);

    private async Task<Enquiry> AddAsync(EnquiryStatus status, DateOnly? arrival = null)
    {
        var reference = EnquiryReference.New(new DateOnly(2026, 12, 1));
        await _store.AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.Mail,
                ReceivedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
                Status = status,
                Submission = TestData.ValidSubmission() with { ArrivalDate = arrival },
                Screening = new ScreenedFacts { CountryCode = "CN", City = "Liaoyang", Sector = "public", Level = "municipal", ScreenedAt = DateTimeOffset.UnixEpoch },
            },
            [],
            [],
            CancellationToken.None);
        return (await _store.FindAsync(reference, CancellationToken.None))!;
    }
}
