using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Enquiries;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class EnquiryStatusUpdateStatisticsTests
{
    private readonly InMemoryEnquiryStore _store = new();
    private readonly Mock<IStatisticsStore> _statistics = new();
    private readonly EnquiryStatusUpdate _update;

    public EnquiryStatusUpdateStatisticsTests() =>
        _update = new EnquiryStatusUpdate(_store, new DelegationCount(_statistics.Object), new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)), NullLogger<EnquiryStatusUpdate>.Instance);

    [Fact]
    public async Task A_visit_without_any_arrival_day_cannot_be_scheduled_and_nothing_is_counted()
    {
        var reference = await AddAsync(EnquiryStatus.Accepted, arrival: null);

        var result = await _update.ChangeAsync(reference, EnquiryStatus.VisitScheduled, "anna", null, visitDate: null, CancellationToken.None);

        Assert.Equal(StatusUpdateOutcome.VisitDateMissing, result.Outcome);
        Assert.Equal(EnquiryStatus.Accepted, (await _store.FindAsync(reference, CancellationToken.None))!.Status);
        _statistics.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Asking_again_for_the_status_it_has_repairs_a_count_that_failed_after_the_status_was_saved()
    {
        var reference = await AddAsync(EnquiryStatus.Accepted, arrival: new DateOnly(2027, 3, 10));
        _statistics.SetupSequence(store => store.RecordDelegationAsync(It.IsAny<StatisticsFact>(), It.IsAny<DateOnly?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage went away"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _update.ChangeAsync(reference, EnquiryStatus.VisitScheduled, "anna", null, null, CancellationToken.None));
        var retried = await _update.ChangeAsync(reference, EnquiryStatus.VisitScheduled, "anna", null, null, CancellationToken.None);

        Assert.Equal(StatusUpdateOutcome.Unchanged, retried.Outcome);
        _statistics.Verify(store => store.RecordDelegationAsync(It.Is<StatisticsFact>(fact => fact.Id == reference.ToString() && fact.Date == new DateOnly(2027, 3, 10) && fact.CountryCode == "CN"), null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Calling_off_a_scheduled_visit_removes_it_from_its_month()
    {
        var reference = await AddAsync(EnquiryStatus.VisitScheduled, arrival: new DateOnly(2027, 3, 10));

        await _update.ChangeAsync(reference, EnquiryStatus.Declined, "anna", "called off", null, CancellationToken.None);

        _statistics.Verify(store => store.RemoveDelegationAsync(reference.ToString(), new DateOnly(2027, 3, 10), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_visit_date_with_a_status_before_the_visit_is_a_programming_error() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _update.ChangeAsync(EnquiryReference.New(new DateOnly(2026, 11, 1)), EnquiryStatus.Accepted, "anna", null, new DateOnly(2027, 1, 1), CancellationToken.None));

    private async Task<EnquiryReference> AddAsync(EnquiryStatus status, DateOnly? arrival)
    {
        var reference = EnquiryReference.New(new DateOnly(2026, 11, 20));
        await _store.AddAsync(
            new Enquiry
            {
                Reference = reference,
                Source = EnquirySource.WebForm,
                ReceivedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
                Status = status,
                Submission = TestData.ValidSubmission() with { ArrivalDate = arrival },
                Screening = new ScreenedFacts { CountryCode = "CN", Sector = "public", Level = "municipal", ScreenedAt = DateTimeOffset.UnixEpoch },
            },
            [],
            [],
            CancellationToken.None);
        return reference;
    }
}
