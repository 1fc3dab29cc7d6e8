using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Statistics;

namespace OnePointEntry.Functions.Statistics;

/// <summary>
/// <c>GET /api/statistics/{yyyy}</c> and <c>GET /api/statistics/{yyyy-MM}</c> (function key): the current
/// figures, computed from the stored enquiries and delegations; a month comes with its year to date.
/// </summary>
public sealed class GetStatistics(DelegationStatistics statistics)
{
    [Function(nameof(GetStatistics))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "statistics/{period}")] HttpRequest request,
        string period,
        CancellationToken cancellationToken)
    {
        if (!StatisticsPeriod.TryParse(period, out var parsed))
        {
            return Problems.InvalidStatisticsPeriod();
        }

        var format = request.Query["format"].FirstOrDefault() ?? "json";
        if (format != "json")
        {
            return Problems.UnknownStatisticsFormat(format);
        }

        var document = parsed.Kind == StatisticsPeriodKind.Month
            ? StatisticsDocument.Of(await statistics.ComputeMonthAsync(parsed.First, cancellationToken))
            : StatisticsDocument.Of(await statistics.ComputeAsync(parsed, cancellationToken));
        return new ContentResponse(StatusCodes.Status200OK, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(document.ToJson()));
    }
}
