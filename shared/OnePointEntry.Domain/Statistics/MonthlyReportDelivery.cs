using Microsoft.Extensions.Logging;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Statistics;

/// <summary>
/// Sends the report of the month just ended, once: from 06:00 Copenhagen time on the 1st, the month before is due.
/// The figures are stored, then the mail and the Teams card are recorded in the <see cref="Outbox"/>, which delivers
/// them with retries; a run after a failure (or a second run the same day) records nothing twice, because the
/// deliveries are named by the month.
/// </summary>
public sealed partial class MonthlyReportDelivery(
    DelegationStatistics statistics,
    IMonthlyReportLog log,
    IMonthlyReportComposer composer,
    Outbox outbox,
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
    /// Sends a month's report: unless it was sent or, with <paramref name="again"/>, anew with the current figures
    /// (an operator re-sending after a correction, or sending a month from before the app) as new deliveries.
    /// </summary>
    public async Task<MonthlyReportRecord> DeliverAsync(CalendarMonth month, bool again, CancellationToken cancellationToken)
    {
        var record = await log.FindAsync(month, cancellationToken) ?? new MonthlyReportRecord { Month = month };
        if (record.RecordedAt is not null && !again)
        {
            return record;
        }

        var figures = await statistics.ComputeMonthAsync(month, cancellationToken);
        var now = time.GetUtcNow();
        var subject = again ? $"report-{month}-{now:yyyyMMdd'T'HHmmss}" : $"report-{month}";
        // The figures are saved first: what the report says is kept even while its delivery waits.
        record = record with { Figures = StatisticsDocument.Of(figures).ToJson(), DeliverySubject = subject };
        await log.SaveAsync(record, cancellationToken);
        await outbox.RecordAsync(
            [
                Delivery.OfMail(new DeliveryId(subject, DeliveryKind.ReportMail), composer.ComposeMail(figures, recipients.To), now),
                Delivery.OfCard(new DeliveryId(subject, DeliveryKind.ReportCard), composer.ComposeCard(figures), now),
            ],
            cancellationToken);
        record = record with { RecordedAt = now };
        await log.SaveAsync(record, cancellationToken);
        LogRecorded(logger, month, recipients.To.Count);
        return record;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics report {Month} for {RecipientCount} recipients and Teams is in the outbox")]
    private static partial void LogRecorded(ILogger logger, CalendarMonth month, int recipientCount);
}
