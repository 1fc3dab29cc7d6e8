using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Directories;
using OnePointEntry.Domain.Tests.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Domain.Tests.Routing;

public sealed class ScreenerReassignmentTests
{
    private const string Mei = "mei@onepointentry.example";
    private const string Jonas = "jonas@onepointentry.example";
    private const string TeamLead = "jakob.krogh@onepointentry.example";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEnquiryStore _store = new();
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly Mock<IStaffDirectory> _staff = new();
    private readonly Mock<IRoutingQueue> _routingQueue = new();
    private readonly EnquiryReference _reference = EnquiryReference.New(new DateOnly(2026, 11, 25));
    private readonly ScreenerReassignment _reassignment;
    private readonly EnquiryRouting _routing;

    public ScreenerReassignmentTests()
    {
        StaffMember Member(string id, string name, bool active = true) => new(id, name, ["en"], [], 5, active);
        _staff.Setup(s => s.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((StaffMember?)null);
        _staff.Setup(s => s.FindAsync(It.Is<string>(id => id.Equals(Jonas, StringComparison.OrdinalIgnoreCase)), It.IsAny<CancellationToken>())).ReturnsAsync(Member(Jonas, "Jonas"));
        _staff.Setup(s => s.FindAsync(It.Is<string>(id => id.Equals(Mei, StringComparison.OrdinalIgnoreCase)), It.IsAny<CancellationToken>())).ReturnsAsync(Member(Mei, "Mei"));
        _staff.Setup(s => s.FindAsync("gone@onepointentry.example", It.IsAny<CancellationToken>())).ReturnsAsync(Member("gone@onepointentry.example", "Gone", active: false));
        _reassignment = new ScreenerReassignment(_store, _staff.Object, _routingQueue.Object, _time, NullLogger<ScreenerReassignment>.Instance);
        _routing = new EnquiryRouting(
            _store,
            new Outbox(_deliveries, Mock.Of<IDeliveryQueue>(), _time, NullLogger<Outbox>.Instance),
            new ReferenceQueueStep(_store, Mock.Of<IPoisonMessageLog>(), new QueueRetryPolicy(3), _time, NullLogger<ReferenceQueueStep>.Instance),
            new RoutingOptions(new Uri("https://ope.example/api/workspace/enquiries/")), _time, NullLogger<EnquiryRouting>.Instance);
    }

    private Enquiry Enquiry => _store.Enquiries.Single();

    [Fact]
    public async Task A_routed_enquiry_given_to_another_goes_back_to_routing_with_the_new_screener_audited_as_who_gave_it()
    {
        await RoutedToMeiAsync();

        var result = await _reassignment.ReassignAsync(_reference, " JONAS@onepointentry.example ", TeamLead, CancellationToken.None);

        Assert.Equal(ScreenerReassignmentOutcome.Reassigned, result.Outcome);
        Assert.Equal(EnquiryStatus.Screened, Enquiry.Status);
        var screener = Enquiry.Decision!.Screener!;
        Assert.Equal((Jonas, "Jonas", TeamLead, false), (screener.StaffId, screener.StaffName, screener.AssignedBy, screener.IsFallback));
        Assert.Contains("in place of Mei", Assert.Single(screener.Reasons), StringComparison.Ordinal);
        var correction = Assert.Single(await _store.ListCorrectionsAsync(_reference, CancellationToken.None));
        Assert.Equal((ScreenerReassignment.AuditField, Mei, Jonas, TeamLead), (correction.Field, correction.Before, correction.After, correction.ChangedBy));
        var change = (await _store.ListStatusChangesAsync(_reference, CancellationToken.None))[^1];
        Assert.Equal((EnquiryStatus.Routed, EnquiryStatus.Screened, TeamLead), (change.From, change.To, change.ChangedBy));
        _routingQueue.Verify(q => q.SendAsync(_reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Routing_after_the_move_records_the_new_screeners_event_and_task_in_place_of_the_old_ones_and_a_card_that_says_who_moved_it()
    {
        await RoutedToMeiAsync();
        await _reassignment.ReassignAsync(_reference, Jonas, TeamLead, CancellationToken.None);

        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));

        var subject = _reference.ToString();
        Assert.Equal([new DeliveryId(subject, DeliveryKind.ScreeningEvent, Mei)], _deliveries.Get(new DeliveryId(subject, DeliveryKind.ScreeningEvent, Jonas))!.Replaces);
        Assert.Equal([new DeliveryId(subject, DeliveryKind.ScreeningTask, Mei)], _deliveries.Get(new DeliveryId(subject, DeliveryKind.ScreeningTask, Jonas))!.Replaces);
        var card = _deliveries.Get(new DeliveryId(subject, DeliveryKind.ScreeningCard, Jonas))!;
        Assert.Empty(card.Replaces);
        Assert.Contains($"given to them by {TeamLead}", card.Card!.Summary, StringComparison.Ordinal);
        Assert.Equal((EnquiryStatus.Routed, Jonas), (Enquiry.Status, Enquiry.Routing!.ScreenerId));
    }

    [Fact]
    public async Task Given_back_to_the_first_screener_the_replaced_deliveries_are_recorded_anew_in_place_of_the_second_ones()
    {
        await RoutedToMeiAsync();
        await _reassignment.ReassignAsync(_reference, Jonas, TeamLead, CancellationToken.None);
        await _routing.RouteAsync(_reference, CancellationToken.None);
        var meiEvent = new DeliveryId(_reference.ToString(), DeliveryKind.ScreeningEvent, Mei);
        var jonasEvent = new DeliveryId(_reference.ToString(), DeliveryKind.ScreeningEvent, Jonas);
        _deliveries.Put(_deliveries.Get(meiEvent)! with { State = DeliveryState.Replaced, Booking = null });

        Assert.Equal(ScreenerReassignmentOutcome.Reassigned, (await _reassignment.ReassignAsync(_reference, Mei, TeamLead, CancellationToken.None)).Outcome);
        await _routing.RouteAsync(_reference, CancellationToken.None);

        var renewed = _deliveries.Get(meiEvent)!;
        Assert.Equal((DeliveryState.Pending, Mei), (renewed.State, renewed.Booking!.StaffId));
        Assert.Equal([jonasEvent], renewed.Replaces);
    }

    [Fact]
    public async Task The_same_screener_again_changes_nothing()
    {
        await RoutedToMeiAsync();
        var version = Enquiry.Version;

        Assert.Equal(ScreenerReassignmentOutcome.Unchanged, (await _reassignment.ReassignAsync(_reference, "MEI@onepointentry.example", TeamLead, CancellationToken.None)).Outcome);

        Assert.Equal((version, EnquiryStatus.Routed), (Enquiry.Version, Enquiry.Status));
        Assert.Empty(await _store.ListCorrectionsAsync(_reference, CancellationToken.None));
        _routingQueue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("nobody@onepointentry.example")]
    [InlineData("gone@onepointentry.example")]
    public async Task Somebody_not_active_in_the_staff_directory_is_refused(string staffId)
    {
        await RoutedToMeiAsync();

        Assert.Equal(ScreenerReassignmentOutcome.UnknownScreener, (await _reassignment.ReassignAsync(_reference, staffId, TeamLead, CancellationToken.None)).Outcome);

        Assert.Equal((EnquiryStatus.Routed, Mei), (Enquiry.Status, Enquiry.Decision!.Screener!.StaffId));
        _routingQueue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(EnquiryStatus.Accepted)]
    [InlineData(EnquiryStatus.Declined)]
    [InlineData(EnquiryStatus.Received)]
    public async Task Past_the_screening_or_before_it_there_is_nothing_to_move(EnquiryStatus status)
    {
        _store.Put(Screened() with { Status = status });

        Assert.Equal(ScreenerReassignmentOutcome.NotAllowed, (await _reassignment.ReassignAsync(_reference, Jonas, TeamLead, CancellationToken.None)).Outcome);
        Assert.Empty(await _store.ListCorrectionsAsync(_reference, CancellationToken.None));
    }

    [Fact]
    public async Task One_in_manual_review_given_to_a_screener_is_screened_and_routed_to_them()
    {
        _store.Put(Screened() with
        {
            Status = EnquiryStatus.NeedsManualReview,
            Decision = Screened().Decision! with { Outcome = DecisionOutcome.NeedsManualReview, Screener = null, ManualReviewReason = "Too little to screen" },
        });

        Assert.Equal(ScreenerReassignmentOutcome.Reassigned, (await _reassignment.ReassignAsync(_reference, Jonas, TeamLead, CancellationToken.None)).Outcome);
        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Equal((EnquiryStatus.Routed, Jonas), (Enquiry.Status, Enquiry.Routing!.ScreenerId));
        Assert.Null(Assert.Single(await _store.ListCorrectionsAsync(_reference, CancellationToken.None)).Before);
    }

    [Fact]
    public async Task An_unknown_enquiry_is_not_found()
    {
        Assert.Equal(ScreenerReassignmentOutcome.NotFound, (await _reassignment.ReassignAsync(_reference, Jonas, TeamLead, CancellationToken.None)).Outcome);
    }

    private async Task RoutedToMeiAsync()
    {
        _store.Put(Screened());
        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));
    }

    private Enquiry Screened() => new()
    {
        Reference = _reference,
        Source = EnquirySource.WebForm,
        ReceivedAt = _time.GetUtcNow(),
        Status = EnquiryStatus.Screened,
        Submission = TestData.ValidSubmission(),
        Decision = new ScreeningDecision
        {
            Outcome = DecisionOutcome.AssignedToScreener,
            Screener = new ScreenerChoice(Mei, "Mei", false, ["Reads Chinese"]),
            Partners = [],
            Priority = new PriorityAssessment(PriorityLevel.High, 60, []),
            Deadline = ScreeningDeadline.For(_time.GetUtcNow()),
            DecidedAt = _time.GetUtcNow(),
        },
    };
}
