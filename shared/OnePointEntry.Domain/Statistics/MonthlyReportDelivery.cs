using Microsoft.Extensions.Logging;
using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Statistics;

/// <summary>
/// Delivers the report of the month just ended, once: from 06:00 Copenhagen time on the 1st, the month before
/// is due. The figures are stored first, then mailed, then posted to Teams, each step recorded before the
/// next, so a run after a failure (or a second run the same day) repeats only what is not done.
/// </summary>
/// <remarks>
/// The mail and the card are each sent at least once: should recording a step fail after the step itself
/// succeeded, the next run sends it again. A duplicate report is better than none.
/// </remarks>
public sealed partial class MonthlyReportDelivery(
    DelegationStatistics statistics,
    IMonthlyReportLog log,
    IMonthlyReportComposer composer,
    IMailSender mail,
    ITeamsNotifier teams,
    MonthlyReportRecipients recipients,
    TimeProvider time,
    ILogger<MonthlyReportDelivery> logger)
{
    /// <summary>The hour of the 1st, Copenhagen time, from which the month before is reported.</summary>
    public const int ReportHour = 6;

    /// <summary>The month whose report is due at <paramref name="now"/>.</summary>
    public static CalendarMonth MonthDue(DateTimeOffset now)
    {
        // On the wall clock in Copenhagen, so that summer time moves nothing: 06:00 is 06:00 all year.
        var local = CopenhagenTime.ToCopenhagen(now).DateTime.AddHours(-ReportHour);
        return CalendarMonth.Of(DateOnly.FromDateTime(local)).AddMonths(-1);
    }

    /// <returns>The record of the month due, after this run.</returns>
    public Task<MonthlyReportRecord> DeliverDueAsync(CancellationToken cancellationToken) =>
        DeliverAsync(MonthDue(time.GetUtcNow()), again: false, cancellationToken);

    /// <summary>
    /// Delivers a month's report: what is not done yet or, with <paramref name="again"/>, all of it anew with
    /// the current figures (an operator re-sending after a correction, or sending a month from before the app).
    /// </summary>
    public async Task<MonthlyReportRecord> DeliverAsync(CalendarMonth month, bool again, CancellationToken cancellationToken)
    {
        var record = again ? new MonthlyReportRecord { Month = month } : await log.FindAsync(month, cancellationToken) ?? new MonthlyReportRecord { Month = month };
        if (record.MailedAt is not null && record.PostedToTeamsAt is not null)
        {
            return record;
        }

        var figures = await statistics.ComputeMonthAsync(month, cancellationToken);
        if (record.Figures is null)
        {
            record = record with { Figures = StatisticsDocument.Of(figures).ToJson() };
            await log.SaveAsync(record, cancellationToken);
        }

        if (record.MailedAt is null)
        {
            await mail.SendAsync(composer.ComposeMail(figures, recipients.To), cancellationToken);
            record = record with { MailedAt = time.GetUtcNow() };
            await log.SaveAsync(record, cancellationToken);
            LogMailed(logger, month, recipients.To.Count);
        }

        if (record.PostedToTeamsAt is null)
        {
            await teams.PostAsync(composer.ComposeCard(figures), cancellationToken);
            record = record with { PostedToTeamsAt = time.GetUtcNow() };
            await log.SaveAsync(record, cancellationToken);
            LogPosted(logger, month);
        }

        return record;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics report {Month} mailed to {RecipientCount} recipients")]
    private static partial void LogMailed(ILogger logger, CalendarMonth month, int recipientCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics report {Month} posted to Teams")]
    private static partial void LogPosted(ILogger logger, CalendarMonth month);
}
