using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Enquiries;
using OnePointEntry.Queues;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Domain.Tests.Routing;

public sealed class EnquiryRoutingTests
{
    // Wednesday 25 November 2026, 10:00 in Copenhagen.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryEnquiryStore _store = new();
    private readonly Mock<IScreeningCalendar> _calendar = new();
    private readonly Mock<IScreeningTaskBoard> _board = new();
    private readonly Mock<ITeamsNotifier> _teams = new();
    private readonly Mock<IPoisonMessageLog> _poison = new();
    private readonly EnquiryRouting _routing;
    private readonly EnquiryReference _reference = EnquiryReference.New(new DateOnly(2026, 11, 25));

    public EnquiryRoutingTests()
    {
        _routing = new EnquiryRouting(
            _store, _calendar.Object, _board.Object, _teams.Object,
            new ReferenceQueueStep(_store, _poison.Object, new QueueRetryPolicy(3), _time, NullLogger<ReferenceQueueStep>.Instance),
            new RoutingOptions(new Uri("https://ope.example/api/enquiries/")), _time, NullLogger<EnquiryRouting>.Instance);
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).ReturnsAsync("event-1");
        _board.Setup(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<CancellationToken>())).ReturnsAsync("task-1");
    }

    [Fact]
    public async Task A_screened_enquiry_gets_the_first_free_slot_a_task_due_at_the_deadline_and_a_card()
    {
        _store.Put(Screened());
        var now = _time.GetUtcNow();
        // Busy until 11:30 Copenhagen time: the first free half hour starts then.
        _calendar.Setup(c => c.GetBusyAsync("mei@onepointentry.example", It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new TimeInterval(now, now.AddMinutes(90))]);
        ScreeningAppointment? booked = null;
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).Callback((ScreeningAppointment a, CancellationToken _) => booked = a).ReturnsAsync("event-1");
        ScreeningTask? task = null;
        _board.Setup(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<CancellationToken>())).Callback((ScreeningTask t, CancellationToken _) => task = t).ReturnsAsync("task-1");

        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));

        Assert.Equal(now.AddMinutes(90), booked!.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), booked.End - booked.Start);
        Assert.StartsWith($"[{_reference}]", booked.Subject, StringComparison.Ordinal);
        Assert.Equal(ScreeningDeadline.For(now), task!.DueAt);
        Assert.Equal("mei@onepointentry.example", task.AssigneeId);
        _teams.Verify(t => t.PostAsync(It.Is<TeamsCard>(card => card.Link!.AbsoluteUri.EndsWith(_reference.ToString(), StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        var routed = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.Routed, routed.Status);
        Assert.Equal(new RoutingRecord("mei@onepointentry.example", "event-1", now.AddMinutes(90), "task-1", now), routed.Routing);
        Assert.Equal(EnquiryStatus.Routed, Assert.Single(await _store.ListStatusChangesAsync(_reference, CancellationToken.None)).To);
    }

    [Fact]
    public async Task A_retry_after_a_failure_skips_the_steps_already_done()
    {
        _store.Put(Screened());
        _calendar.Setup(c => c.GetBusyAsync(It.IsAny<string>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _board.SetupSequence(b => b.CreateTaskAsync(It.IsAny<ScreeningTask>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Planner unavailable"))
            .ReturnsAsync("task-1");

        await Assert.ThrowsAsync<HttpRequestException>(() => _routing.RouteAsync(_reference, CancellationToken.None));
        Assert.True(await _routing.RouteAsync(_reference, CancellationToken.None));
        Assert.False(await _routing.RouteAsync(_reference, CancellationToken.None));

        _calendar.Verify(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>()), Times.Once);
        _teams.Verify(t => t.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(EnquiryStatus.Routed, Assert.Single(_store.Enquiries).Status);
    }

    [Fact]
    public async Task Without_a_free_half_hour_the_block_goes_just_before_the_deadline()
    {
        _store.Put(Screened());
        var deadline = ScreeningDeadline.For(_time.GetUtcNow());
        _calendar.Setup(c => c.GetBusyAsync(It.IsAny<string>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new TimeInterval(_time.GetUtcNow(), deadline)]);
        ScreeningAppointment? booked = null;
        _calendar.Setup(c => c.BookAsync(It.IsAny<ScreeningAppointment>(), It.IsAny<CancellationToken>())).Callback((ScreeningAppointment a, CancellationToken _) => booked = a).ReturnsAsync("event-1");

        await _routing.RouteAsync(_reference, CancellationToken.None);

        Assert.Equal(deadline, booked!.End);
    }

    [Theory]
    [InlineData(EnquiryStatus.NeedsManualReview)]
    [InlineData(EnquiryStatus.Routed)]
    [InlineData(EnquiryStatus.Accepted)]
    public async Task Only_a_screened_enquiry_is_routed(EnquiryStatus status)
    {
        _store.Put(Screened() with { Status = status });

        Assert.False(await _routing.RouteAsync(_reference, CancellationToken.None));

        _calendar.VerifyNoOtherCalls();
        _board.VerifyNoOtherCalls();
        _teams.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task On_the_last_delivery_a_failing_routing_marks_the_enquiry_routing_failed_with_the_reason()
    {
        _store.Put(Screened());
        _calendar.Setup(c => c.GetBusyAsync(It.IsAny<string>(), It.IsAny<TimeInterval>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("Graph unreachable"));

        await Assert.ThrowsAsync<HttpRequestException>(() => _routing.HandleMessageAsync(ReferenceMessage.Create(_reference), 3, CancellationToken.None));

        var failed = Assert.Single(_store.Enquiries);
        Assert.Equal(EnquiryStatus.RoutingFailed, failed.Status);
        Assert.Contains("Graph unreachable", Assert.Single(await _store.ListStatusChangesAsync(_reference, CancellationToken.None)).Note, StringComparison.Ordinal);
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
            Screener = new ScreenerChoice("mei@onepointentry.example", "Mei", false, ["Reads Chinese"]),
            Partners = [],
            Priority = new PriorityAssessment(PriorityLevel.High, 60, []),
            Deadline = ScreeningDeadline.For(_time.GetUtcNow()),
            DecidedAt = _time.GetUtcNow(),
        },
    };
}
