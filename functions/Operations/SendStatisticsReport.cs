using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Statistics;

namespace OnePointEntry.Functions.Operations;

/// <summary>
/// <c>POST /api/operations/statistics/{yyyy-MM}/report</c> (function key): sends a month's report again with the
/// current figures (after a correction, or for a month before the app ran), to the same recipients and channel
/// as the monthly timer, as new deliveries of the outbox: <c>202</c> with their subject, which
/// <c>GET /api/operations/deliveries?subject=…</c> follows. No body.
/// </summary>
public sealed class SendStatisticsReport(MonthlyReportDelivery delivery)
{
    [Function(nameof(SendStatisticsReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "operations/statistics/{month}/report")] HttpRequest request,
        string month,
        CancellationToken cancellationToken)
    {
        if (!StatisticsPeriod.TryParse(month, out var period) || period.Kind != StatisticsPeriodKind.Month)
        {
            return Problems.InvalidStatisticsPeriod();
        }

        var record = await delivery.DeliverAsync(period.First, again: true, cancellationToken);
        return new JsonResponse(StatusCodes.Status202Accepted, new { month = record.Month.ToString(), record.RecordedAt, deliveries = record.DeliverySubject });
    }
}
