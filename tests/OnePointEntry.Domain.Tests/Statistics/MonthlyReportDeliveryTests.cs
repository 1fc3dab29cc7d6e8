using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics;

public sealed class MonthlyReportDeliveryTests
{
    private readonly Mock<IStatisticsStore> _store = new();
    private readonly Dictionary<CalendarMonth, MonthlyReportRecord> _log = [];
    private readonly Mock<IMonthlyReportLog> _logPort = new();
    private readonly Mock<IMailSender> _mail = new();
    private readonly Mock<ITeamsNotifier> _teams = new();
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
            new DelegationStatistics(_store.Object), _logPort.Object, composer.Object, _mail.Object, _teams.Object,
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
    public async Task The_report_is_stored_mailed_and_posted_once_and_a_second_run_reads_nothing()
    {
        var record = await _delivery.DeliverDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await _delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new CalendarMonth(2026, 10), record.Month);
        Assert.Contains("\"period\": \"2026-10\"", record.Figures, StringComparison.Ordinal);
        _mail.Verify(mail => mail.SendAsync(It.Is<OutgoingMail>(sent => sent.To.Count == 1 && sent.To[0] == "management@onepointentry.example"), It.IsAny<CancellationToken>()), Times.Once);
        _teams.Verify(teams => teams.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(store => store.ListDelegationsAsync(It.IsAny<CalendarMonth>(), It.IsAny<CalendarMonth>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task After_a_failed_post_to_Teams_the_next_run_posts_without_mailing_again()
    {
        _teams.SetupSequence(teams => teams.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Teams is down"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<HttpRequestException>(() => _delivery.DeliverDueAsync(CancellationToken.None));
        Assert.NotNull(_log[new CalendarMonth(2026, 10)].MailedAt);
        Assert.Null(_log[new CalendarMonth(2026, 10)].PostedToTeamsAt);

        await _delivery.DeliverDueAsync(CancellationToken.None);

        _mail.Verify(mail => mail.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Once);
        _teams.Verify(teams => teams.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.NotNull(_log[new CalendarMonth(2026, 10)].PostedToTeamsAt);
    }

    [Fact]
    public async Task A_failed_mail_leaves_the_figures_stored_and_nothing_marked_sent()
    {
        _mail.Setup(mail => mail.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("Graph is down"));

        await Assert.ThrowsAsync<HttpRequestException>(() => _delivery.DeliverDueAsync(CancellationToken.None));

        var record = _log[new CalendarMonth(2026, 10)];
        Assert.NotNull(record.Figures);
        Assert.Null(record.MailedAt);
        _teams.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_operator_can_send_a_delivered_month_again_with_the_current_figures()
    {
        await _delivery.DeliverDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(3));

        var record = await _delivery.DeliverAsync(new CalendarMonth(2026, 10), again: true, CancellationToken.None);

        _mail.Verify(mail => mail.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        _teams.Verify(teams => teams.PostAsync(It.IsAny<TeamsCard>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(_time.GetUtcNow(), record.MailedAt);
    }
}
