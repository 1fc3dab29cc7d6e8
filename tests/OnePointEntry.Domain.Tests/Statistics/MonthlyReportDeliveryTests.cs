using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Domain.Tests.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class MonthlyReportDeliveryTests
{
    private readonly Mock<IStatisticsStore> _store = new();
    private readonly Dictionary<CalendarMonth, MonthlyReportRecord> _log = [];
    private readonly Mock<IMonthlyReportLog> _logPort = new();
    private readonly InMemoryDeliveryStore _deliveries = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero));
    private readonly MonthlyReportDelivery _delivery;

    public MonthlyReportDeliveryTests()
    {
        _store.Setup(store => store.ListDelegationsAsync(It.IsAny<CalendarMonth>(), It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _store.Setup(store => store.ListEnquiriesAsync(It.IsAny<CalendarMonth>(), It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _logPort.Setup(log => log.FindAsync(It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>())).ReturnsAsync((CalendarMonth month, CancellationToken _) => _log.GetValueOrDefault(month));
        _logPort.Setup(log => log.SaveAsync(It.IsAny<MonthlyReportRecord>(), It.IsAny<CancellationToken>())).Callback((MonthlyReportRecord record, CancellationToken _) => _log[record.Month] = record).Returns(Task.CompletedTask);
        var composer = new Mock<IMonthlyReportComposer>();
        composer.Setup(c => c.ComposeMail(It.IsAny<MonthlyStatistics>(), It.IsAny<IReadOnlyList<string>>()))
            .Returns((MonthlyStatistics statistics, IReadOnlyList<string> to) => new OutgoingMail { To = to, Subject = "Delegation statistics " + statistics.Month.Period, HtmlBody = "<p>figures</p>" });
        composer.Setup(c => c.ComposeCard(It.IsAny<MonthlyStatistics>())).Returns(new TeamsCard("Delegation statistics", "figures", [], null));
        _delivery = new MonthlyReportDelivery(
            new DelegationStatistics(_store.Object), _logPort.Object, composer.Object, new Outbox(_deliveries, _queue.Object, _time, NullLogger<Outbox>.Instance),
            new MonthlyReportRecipients(["management@onepointentry.example"]), _time, NullLogger<MonthlyReportDelivery>.Instance);
    }

    [Theory]
    [InlineData("2026-11-01T04:59:59Z", "2026-09")] // 05:59:59 in Copenhagen (winter time): October is not due yet
    [InlineData("2026-11-01T05:00:00Z", "2026-10")] // 06:00
    [InlineData("2026-07-01T03:59:59Z", "2026-05")] // 05:59:59 in summer time
    [InlineData("2026-07-01T04:00:00Z", "2026-06")]
    [InlineData("2026-11-26T21:00:00Z", "2026-10")] // any later day of the month
    [InlineData("2027-01-01T05:00:00Z", "2026-12")] // across the year
    [InlineData("2024-03-01T05:00:00Z", "2024-02")] // after a leap day
    public void The_month_due_turns_at_six_in_the_morning_of_the_first_in_Copenhagen(string now, string due) =>
        Assert.Equal(due, MonthlyReportDelivery.MonthDue(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public async Task The_report_is_stored_and_its_mail_and_card_recorded_once_and_a_second_run_reads_nothing()
    {
        var record = await _delivery.DeliverDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await _delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new CalendarMonth(2026, 10), record.Month);
        Assert.Contains("\"period\": \"2026-10\"", record.Figures, StringComparison.Ordinal);
        Assert.Equal(("report-2026-10", _time.GetUtcNow() - TimeSpan.FromHours(1)), (record.DeliverySubject, record.RecordedAt));
        Assert.Equal(record, _log[new CalendarMonth(2026, 10)]);
        Assert.Equal(new HashSet<DeliveryId> { MailOf("report-2026-10"), CardOf("report-2026-10") }, _deliveries.Deliveries.Select(delivery => delivery.Id).ToHashSet());
        Assert.Equal(["management@onepointentry.example"], _deliveries.Get(MailOf("report-2026-10"))!.Mail!.To);
        Assert.Equal("Delegation statistics", _deliveries.Get(CardOf("report-2026-10"))!.Card!.Title);
        _queue.Verify(queue => queue.SendAsync(It.IsAny<DeliveryId>(), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _store.Verify(store => store.ListDelegationsAsync(It.IsAny<CalendarMonth>(), It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failed_recording_leaves_the_figures_stored_and_the_report_not_marked_recorded()
    {
        _queue.Setup(queue => queue.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Storage unreachable"));

        await Assert.ThrowsAsync<IOException>(() => _delivery.DeliverDueAsync(CancellationToken.None));

        var record = _log[new CalendarMonth(2026, 10)];
        Assert.NotNull(record.Figures);
        Assert.Equal("report-2026-10", record.DeliverySubject);
        Assert.Null(record.RecordedAt);
    }

    [Fact]
    public async Task After_a_failure_halfway_the_next_run_queues_what_was_recorded_and_records_nothing_twice()
    {
        _queue.SetupSequence(queue => queue.SendAsync(It.IsAny<DeliveryId>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .ThrowsAsync(new IOException("Storage unreachable"))
            .Returns(Task.CompletedTask)
            .Returns(Task.CompletedTask);
        await Assert.ThrowsAsync<IOException>(() => _delivery.DeliverDueAsync(CancellationToken.None));
        var recorded = _deliveries.Deliveries.ToList();
        _time.Advance(TimeSpan.FromMinutes(10));

        var record = await _delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), record.RecordedAt);
        Assert.Equal(2, recorded.Count);
        Assert.Equal(recorded.ToHashSet(), _deliveries.Deliveries.ToHashSet());
        _queue.Verify(queue => queue.SendAsync(MailOf("report-2026-10"), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
        _queue.Verify(queue => queue.SendAsync(CardOf("report-2026-10"), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task An_operator_can_send_a_sent_month_again_with_the_current_figures_as_new_deliveries()
    {
        await _delivery.DeliverDueAsync(CancellationToken.None);
        var first = _deliveries.Deliveries.ToList();
        _time.Advance(TimeSpan.FromDays(3));

        var record = await _delivery.DeliverAsync(new CalendarMonth(2026, 10), again: true, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), record.RecordedAt);
        var subject = Assert.IsType<string>(record.DeliverySubject);
        Assert.Equal("report-2026-10-20261104T050000", subject);
        Assert.Equal(4, _deliveries.Deliveries.Count);
        Assert.All(first, delivery => Assert.Equal(delivery, _deliveries.Get(delivery.Id)));
        Assert.NotNull(_deliveries.Get(MailOf(subject))!.Mail);
        Assert.NotNull(_deliveries.Get(CardOf(subject))!.Card);
        _store.Verify(store => store.ListDelegationsAsync(It.IsAny<CalendarMonth>(), It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static DeliveryId MailOf(string subject) => new(subject, DeliveryKind.ReportMail);

    private static DeliveryId CardOf(string subject) => new(subject, DeliveryKind.ReportCard);
}
