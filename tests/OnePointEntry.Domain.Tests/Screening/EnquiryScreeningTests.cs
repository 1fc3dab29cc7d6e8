using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Directories;
using OnePointEntry.Enquiries;
using OnePointEntry.Extraction;
using OnePointEntry.Geography;
using OnePointEntry.Queues;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using OnePointEntry.Screening;
using OnePointEntry.Screening.Decision;
using OnePointEntry.Themes;

namespace OnePointEntry.Domain.Tests.Screening;

public sealed class EnquiryScreeningTests
{
    private readonly Mock<IEnquiryStore> _store = new(MockBehavior.Strict);
    private readonly Mock<IPoisonMessageLog> _poison = new(MockBehavior.Strict);
    private readonly Mock<IRoutingQueue> _routing = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly EnquiryScreening _screening;
    private readonly EnquiryReference _reference = EnquiryReference.New(new DateOnly(2026, 11, 25));

    public EnquiryScreeningTests()
    {
        var screener = new EnquiryScreener(CountryDirectory.Default, CityGazetteer.Default, ThemeTaxonomy.Default, SectorClassifier.Default);
        var staff = new Mock<IStaffDirectory>();
        staff.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new StaffMember("mei@onepointentry.example", "Mei", ["zh", "en", "da"], ["fur-industry"], 5, Active: true),
            new StaffMember("lars@onepointentry.example", "Lars", ["da", "en"], ["energy-climate"], 5, Active: true, IsTeamLead: true),
        ]);
        var partners = new Mock<IPartnerDirectory>();
        partners.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new Partner("kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry"], ["da", "en"], null, ["Copenhagen Fur"]),
        ]);
        _store.Setup(s => s.ReadOpenLoadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int>());
        _screening = new EnquiryScreening(
            _store.Object, screener, ScreeningDecisionMaker.Default, staff.Object, partners.Object, _routing.Object, QueueStep(), _time, NullLogger<EnquiryScreening>.Instance);
    }

    [Fact]
    public async Task A_received_enquiry_is_screened_and_saved_against_the_version_read()
    {
        var received = Received();
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(received);
        Enquiry? saved = null;
        StatusChange? change = null;
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).Callback((Enquiry e, StatusChange? c, CancellationToken _) => (saved, change) = (e, c)).ReturnsAsync(true);

        var outcome = await _screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal(ScreeningOutcome.Screened, outcome);
        Assert.Equal(EnquiryStatus.Screened, saved!.Status);
        Assert.Equal("v1", saved.Version);
        Assert.Equal("CN", saved.Screening!.CountryCode);
        Assert.Equal("Liaoning", saved.Screening.Region);
        Assert.Contains("fur-industry", saved.Screening.Themes);
        Assert.Equal(_time.GetUtcNow(), saved.Screening.ScreenedAt);
        Assert.Equal(new StatusChange(_reference, EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryScreening.ChangedBy, _time.GetUtcNow(), null), change);
        Assert.Equal(DecisionOutcome.AssignedToScreener, saved.Decision!.Outcome);
        Assert.Equal("mei@onepointentry.example", saved.Decision.Screener!.StaffId);
        Assert.Equal("kopenhagen-fur", saved.Decision.Partners[0].PartnerId);
        _routing.Verify(q => q.SendAsync(_reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Between_two_equal_screeners_the_one_with_a_free_half_hour_before_the_deadline_is_chosen_reading_only_their_calendars()
    {
        var staff = new Mock<IStaffDirectory>();
        staff.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new StaffMember("a-busy@onepointentry.example", "Busy", ["zh", "en"], ["fur-industry"], 5, Active: true),
            new StaffMember("b-free@onepointentry.example", "Free", ["zh", "en"], ["fur-industry"], 5, Active: true),
            // Reads no Chinese: whatever her calendar says, she cannot be chosen over the two who do.
            new StaffMember("c-dane@onepointentry.example", "Dane", ["da", "en"], ["fur-industry"], 5, Active: true),
        ]);
        var partners = new Mock<IPartnerDirectory>();
        partners.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var deadline = ScreeningDeadline.For(_time.GetUtcNow().AddMinutes(-1));
        var calendar = new Mock<IScreeningCalendar>(MockBehavior.Strict);
        calendar.Setup(c => c.GetBusyAsync(
                It.Is<IReadOnlyCollection<string>>(ids => ids.Count == 2 && ids.Contains("a-busy@onepointentry.example") && ids.Contains("b-free@onepointentry.example")),
                It.IsAny<TimeInterval>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, IReadOnlyList<TimeInterval>>
            {
                ["a-busy@onepointentry.example"] = [new TimeInterval(_time.GetUtcNow().AddDays(-1), deadline.AddDays(1))],
                ["b-free@onepointentry.example"] = [],
            });
        var screening = new EnquiryScreening(
            _store.Object, new EnquiryScreener(CountryDirectory.Default, CityGazetteer.Default, ThemeTaxonomy.Default, SectorClassifier.Default), ScreeningDecisionMaker.Default,
            staff.Object, partners.Object, _routing.Object, QueueStep(), _time, NullLogger<EnquiryScreening>.Instance,
            new CalendarAvailability(calendar.Object, NullLogger<CalendarAvailability>.Instance));
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(Received() with { Submission = Received().Submission with { Language = "zh" } });
        Enquiry? saved = null;
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).Callback((Enquiry e, StatusChange? _, CancellationToken _) => saved = e).ReturnsAsync(true);

        await screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal("b-free@onepointentry.example", saved!.Decision!.Screener!.StaffId);
        Assert.Equal("Preferred over Busy (a-busy@onepointentry.example) on availability: a free slot before the deadline against no free slot before the deadline", saved.Decision.Screener.Reasons[^1]);
        // The two tied screeners' calendars in one request, not one per person; the strict mock refuses any other.
        calendar.Verify(c => c.GetBusyAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task When_one_screener_leads_on_language_expertise_or_load_no_calendar_is_read()
    {
        // Mei is the only Chinese reader: availability could not change the choice.
        var calendar = new Mock<IScreeningCalendar>(MockBehavior.Strict);
        var screening = WithCalendar(calendar.Object);
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(Received());
        Enquiry? saved = null;
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).Callback((Enquiry e, StatusChange? _, CancellationToken _) => saved = e).ReturnsAsync(true);

        await screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal("mei@onepointentry.example", saved!.Decision!.Screener!.StaffId);
        Assert.EndsWith("; availability not needed to choose", saved.Decision.Screener.Reasons[2], StringComparison.Ordinal);
        calendar.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_enquiry_for_manual_review_reads_no_calendar()
    {
        var calendar = new Mock<IScreeningCalendar>(MockBehavior.Strict);
        var screening = WithCalendar(calendar.Object);
        var empty = Received() with { Submission = Received().Submission with { Purpose = "", Themes = [] } };
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(empty);
        Enquiry? saved = null;
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).Callback((Enquiry e, StatusChange? _, CancellationToken _) => saved = e).ReturnsAsync(true);

        await screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal(EnquiryStatus.NeedsManualReview, saved!.Status);
        calendar.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_open_load_is_this_and_last_months_counters_added_up_without_listing_enquiries()
    {
        // Mei reads Chinese and takes five a week: three open this month and two from last month fill her week.
        _store.Setup(s => s.ReadOpenLoadAsync("2026-11", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["mei@onepointentry.example"] = 3 });
        _store.Setup(s => s.ReadOpenLoadAsync("2026-10", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["MEI@onepointentry.example"] = 2 });
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(Received());
        Enquiry? saved = null;
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).Callback((Enquiry e, StatusChange? _, CancellationToken _) => saved = e).ReturnsAsync(true);

        await _screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal("lars@onepointentry.example", saved!.Decision!.Screener!.StaffId);
        Assert.Contains(saved.Decision.Screener.Reasons, reason => reason.Contains("at or over capacity", StringComparison.Ordinal));
        // The strict store has no ListAsync set up: listing the month's enquiries would throw.
        _store.Verify(s => s.ReadOpenLoadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_screened_enquiry_is_left_as_it_is()
    {
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync(Received() with { Status = EnquiryStatus.Screened });

        var outcome = await _screening.ScreenAsync(_reference, CancellationToken.None);

        Assert.Equal(ScreeningOutcome.AlreadyScreened, outcome);
        _store.Verify(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Losing_a_race_with_another_screening_rereads_and_stops()
    {
        _store.SetupSequence(s => s.FindAsync(_reference, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Received())
            .ReturnsAsync(Received() with { Status = EnquiryStatus.Screened, Version = "v2" });
        _store.Setup(s => s.TryUpdateAsync(It.IsAny<Enquiry>(), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.Equal(ScreeningOutcome.AlreadyScreened, await _screening.ScreenAsync(_reference, CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_before_the_last_delivery_is_left_to_the_retries()
    {
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));

        await Assert.ThrowsAsync<IOException>(() => _screening.HandleMessageAsync(ReferenceMessage.Create(_reference), 4, CancellationToken.None));

        _poison.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task On_the_last_delivery_the_failure_is_recorded_and_the_enquiry_marked_failed()
    {
        var received = Received();
        _store.SetupSequence(s => s.FindAsync(_reference, It.IsAny<CancellationToken>()))
            .ReturnsAsync(received)
            .ReturnsAsync(received);
        _store.Setup(s => s.TryUpdateAsync(It.Is<Enquiry>(e => e.Status == EnquiryStatus.Screened), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));
        _store.Setup(s => s.TryUpdateAsync(It.Is<Enquiry>(e => e.Status == EnquiryStatus.ScreeningFailed), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        PoisonMessage? recorded = null;
        _poison.Setup(p => p.RecordAsync(It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>())).Callback((PoisonMessage m, CancellationToken _) => recorded = m).Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _screening.HandleMessageAsync(ReferenceMessage.Create(_reference), 5, CancellationToken.None));

        Assert.Equal(new PoisonMessage(QueueNames.Screening, _reference.ToString(), "IOException: storage down", _time.GetUtcNow(), 5), recorded);
        _store.Verify(s => s.TryUpdateAsync(It.Is<Enquiry>(e => e.Status == EnquiryStatus.ScreeningFailed), It.IsAny<StatusChange?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_unreadable_message_is_recorded_under_a_hash_without_its_content()
    {
        PoisonMessage? recorded = null;
        _poison.Setup(p => p.RecordAsync(It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>())).Callback((PoisonMessage m, CancellationToken _) => recorded = m).Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<FormatException>(() => _screening.HandleMessageAsync("Dear One-Point Entry, we are ten people", 5, CancellationToken.None));

        Assert.Matches("^message-[0-9a-f]{16}$", recorded!.Subject);
        Assert.DoesNotContain("Dear", recorded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_for_an_enquiry_that_is_not_stored_fails()
    {
        _store.Setup(s => s.FindAsync(_reference, It.IsAny<CancellationToken>())).ReturnsAsync((Enquiry?)null);

        await Assert.ThrowsAsync<EnquiryNotFoundException>(() => _screening.HandleMessageAsync(ReferenceMessage.Create(_reference), 1, CancellationToken.None));
    }

    // The team of the constructor (Mei, who reads Chinese, and Lars) with their calendars.
    private EnquiryScreening WithCalendar(IScreeningCalendar calendar)
    {
        var staff = new Mock<IStaffDirectory>();
        staff.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new StaffMember("mei@onepointentry.example", "Mei", ["zh", "en", "da"], ["fur-industry"], 5, Active: true),
            new StaffMember("lars@onepointentry.example", "Lars", ["da", "en"], ["energy-climate"], 5, Active: true, IsTeamLead: true),
        ]);
        var partners = new Mock<IPartnerDirectory>();
        partners.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        return new EnquiryScreening(
            _store.Object, new EnquiryScreener(CountryDirectory.Default, CityGazetteer.Default, ThemeTaxonomy.Default, SectorClassifier.Default), ScreeningDecisionMaker.Default,
            staff.Object, partners.Object, _routing.Object, QueueStep(), _time, NullLogger<EnquiryScreening>.Instance,
            new CalendarAvailability(calendar, NullLogger<CalendarAvailability>.Instance));
    }

    private ReferenceQueueStep QueueStep() =>
        new(_store.Object, _poison.Object, new QueueRetryPolicy(5), _time, NullLogger<ReferenceQueueStep>.Instance);

    private Enquiry Received() => new()
    {
        Reference = _reference,
        Source = EnquirySource.WebForm,
        ReceivedAt = _time.GetUtcNow().AddMinutes(-1),
        Submission = TestData.ValidSubmission() with { City = "辽阳市", Country = "Kina", Themes = [] },
        Version = "v1",
    };
}
