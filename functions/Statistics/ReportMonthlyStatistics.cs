using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Statistics;

namespace OnePointEntry.Functions.Statistics;

/// <summary>
/// Sends the monthly statistics report from 06:00 Copenhagen time on the 1st. Linux plans ignore
/// <c>WEBSITE_TIME_ZONE</c>, so the schedule is in UTC: 04:00 and 05:00 every day, one of which is 06:00 in
/// Copenhagen in summer and in winter. <see cref="MonthlyReportDelivery"/> decides from the Copenhagen clock
/// which month is due and whether it was delivered, so the other runs cost one read, and a 1st missed
/// (the app stopped, a failure) is made good the next morning.
/// </summary>
public sealed class ReportMonthlyStatistics(MonthlyReportDelivery delivery)
{
    public const string Schedule = "0 0 4,5 * * *";

    [Function(nameof(ReportMonthlyStatistics))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.DeliverDueAsync(cancellationToken);
}
