using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Domain.Tests.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Domain.Tests.Routing;

public sealed class EnquiryRoutingTests
{
    private const string Screener = "mei@onepointentry.example";

    // Wednesday 25 November 2026, 10:00 in Copenhagen.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEnquiryStore _store = new();
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<IPoisonMessageLog> _poison = new();
    private readonly EnquiryRouting _routing;
    private readonly EnquiryReference _reference = EnquiryReference.New(new DateOnly(2026, 11, 25));

    public EnquiryRoutingTests()
    {
        _routing = new EnquiryRouting(
            _store,
            new Outbox(_deliveries, _queue.Object, _time, NullLogger<Outbox>.Instance),
            new ReferenceQueueStep(_store, _poison.Object, new QueueRetryPolicy(3), _time, NullLogger<ReferenceQueueStep>.Instance),
            new RoutingOptions(new Uri("https://ope.example/api/enquiries/")), _time, NullLogger<EnquiryRouting>.Instance);
    }

    [Fact]
    public async Task A_screened_enquiry_records_a_calendar_block_a_task_due_at_the_deadline_and_a_card_for_its_screener()
    {
        _store.Put(Screened());
        var now = _time.GetUtcNow();
        var deadline = ScreeningDeadline.For(now);

        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));

        var ids = new[] { DeliveryKind.ScreeningEvent, DeliveryKind.ScreeningTask, DeliveryKind.ScreeningCard }.Select(kind => new DeliveryId(_reference.ToString(), kind, Screener)).ToList();
        Assert.Equal(ids.ToHashSet(), _deliveries.Deliveries.Select(delivery => delivery.Id).ToHashSet());
        Assert.All(_deliveries.Deliveries, delivery => Assert.Equal((DeliveryState.Pending, now), (delivery.State, delivery.RecordedAt)));
        var booking = _deliveries.Get(ids[0])!.Booking!;
        Assert.Equal((Screener, deadline), (booking.StaffId, booking.Deadline));
        Assert.StartsWith($"[{_reference}]", booking.Subject, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(booking.TransactionId, out _));
        var task = _deliveries.Get(ids[1])!.Task!;
        Assert.Equal((_reference.ToString(), Screener, deadline), (task.Reference, task.AssigneeId, task.DueAt));
        var card = _deliveries.Get(ids[2])!.Card!;
        Assert.EndsWith(_reference.ToString(), card.Link!.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("Screening for Mei, due ", card.Summary, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            _queue.Verify(q => q.SendAsync(id, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        }

        var routed = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.Routed, routed.Status);
        Assert.Equal(new RoutingRecord(Screener, now), routed.Routing);
        Assert.Equal(EnquiryStatus.Routed, Assert.Single(await _store.ListStatusChangesAsync(_reference, CancellationToken.None)).To);
    }

    [Fact]
    public async Task A_retry_after_a_failure_records_nothing_twice_and_a_late_message_changes_nothing()
    {
        _store.Put(Screened());
        _queue.SetupSequence(q => q.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .ThrowsAsync(new IOException("queue unreachable"))
            .Returns(Task.CompletedTask)
            .Returns(Task.CompletedTask)
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => _routing.RouteAsync(_reference, CancellationToken.None));
        Assert.Equal(EnquiryStatus.Screened, Assert.Single(_store.Enquiries).Status);
        var recordedFirst = _deliveries.Deliveries.ToList();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));
        Assert.False(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Equal(3, _deliveries.Deliveries.Count);
        Assert.All(recordedFirst, delivery => Assert.Equal(delivery, _deliveries.Get(delivery.Id)));
        Assert.Equal(EnquiryStatus.Routed, Assert.Single(_store.Enquiries).Status);
        Assert.Single(await _store.ListStatusChangesAsync(_reference, CancellationToken.None));
    }

    [Fact]
    public async Task An_enquiry_screened_again_for_another_screener_gets_deliveries_of_its_own_with_another_transaction()
    {
        _store.Put(Screened());
        await _routing.RouteAsync(_reference, CancellationToken.None);
        var first = Assert.Single(_deliveries.Deliveries, delivery => delivery.Id.Kind == DeliveryKind.ScreeningEvent).Booking!;
        var routed = Assert.Single(_store.Enquiries);
        _store.Put(routed with { Status = EnquiryStatus.Screened, Decision = routed.Decision! with { Screener = new ScreenerChoice("jonas@onepointentry.example", "Jonas", false, []) } });

        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Equal(6, _deliveries.Deliveries.Count);
        Assert.Equal(3, _deliveries.Deliveries.Count(delivery => delivery.Id.Recipient == "jonas@onepointentry.example"));
        var second = Assert.Single(_deliveries.Deliveries, delivery => delivery.Id == new DeliveryId(_reference.ToString(), DeliveryKind.ScreeningEvent, "jonas@onepointentry.example")).Booking!;
        Assert.Equal("jonas@onepointentry.example", second.StaffId);
        Assert.NotEqual(first.TransactionId, second.TransactionId);
        Assert.Equal(new RoutingRecord("jonas@onepointentry.example", _time.GetUtcNow()), Assert.Single(_store.Enquiries).Routing);
    }

    [Theory]
    [InlineData(EnquiryStatus.NeedsManualReview)]
    [InlineData(EnquiryStatus.Routed)]
    [InlineData(EnquiryStatus.Accepted)]
    public async Task Only_a_screened_enquiry_is_routed(EnquiryStatus status)
    {
        _store.Put(Screened() with { Status = status });

        Assert.False(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Empty(_deliveries.Deliveries);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_screened_enquiry_without_a_screener_is_left_for_a_person()
    {
        _store.Put(Screened() with { Decision = Screened().Decision! with { Outcome = DecisionOutcome.NeedsManualReview, Screener = null } });

        Assert.False(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Empty(_deliveries.Deliveries);
        Assert.Equal(EnquiryStatus.Screened, Assert.Single(_store.Enquiries).Status);
    }

    [Fact]
    public async Task On_the_last_delivery_a_failing_routing_marks_the_enquiry_routing_failed_with_the_reason()
    {
        _store.Put(Screened());
        _queue.Setup(q => q.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Storage unreachable"));

        await Assert.ThrowsAsync<IOException>(() => _routing.HandleMessageAsync(ReferenceMessage.Create(_reference), 3, CancellationToken.None));

        var failed = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.RoutingFailed, failed.Status);
        Assert.Contains("Storage unreachable", Assert.Single(await _store.ListStatusChangesAsync(_reference, CancellationToken.None)).Note, StringComparison.Ordinal);
        _poison.Verify(p => p.RecordAsync(It.Is<PoisonMessage>(m => m.Queue == QueueNames.Routing && m.Subject == _reference.ToString()), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void The_brief_escapes_the_senders_text()
    {
        var brief = ScreeningBrief.For(Screened() with { Submission = Screened().Submission with { Purpose = "<script>alert(1)</script> & <b>bold</b>", Organisation = "<img src=x onerror=alert(1)>" } }, new Uri("https://ope.example/api/enquiries/x"));

        Assert.DoesNotContain("<script>", brief.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", brief.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", brief.Html, StringComparison.Ordinal);
    }

    private Enquiry Screened() => new()
    {
        Reference = _reference,
        Source = EnquirySource.WebForm,
        ReceivedAt = _time.GetUtcNow(),
        Status = EnquiryStatus.Screened,
        Submission = TestData.ValidSubmission(),
        Screening = new ScreenedFacts { CountryCode = "CN", Region = "Liaoning", City = "Liaoyang", Themes = ["fur-industry"], ScreenedAt = _time.GetUtcNow() },
        Decision = new ScreeningDecision
        {
            Outcome = DecisionOutcome.AssignedToScreener,
            Screener = new ScreenerChoice(Screener, "Mei", false, ["Reads Chinese"]),
            Partners = [],
            Priority = new PriorityAssessment(PriorityLevel.High, 60, []),
            Deadline = ScreeningDeadline.For(_time.GetUtcNow()),
            DecidedAt = _time.GetUtcNow(),
        },
    };
}
