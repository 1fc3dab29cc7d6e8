using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Reports;
using OnePointEntry.Statistics;

namespace OnePointEntry.Functions.Statistics;

/// <summary>
/// <c>GET /api/statistics/{yyyy}</c> and <c>GET /api/statistics/{yyyy-MM}</c> (function key): the current
/// figures, computed from the stored enquiries and delegations; a month comes with its year to date. JSON by
/// default, <c>?format=html</c> the report, <c>?format=png</c> the chart.
/// </summary>
public sealed class GetStatistics(StatisticsViews views)
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

        var requested = request.Query["format"].FirstOrDefault() ?? "json";
        if (requested is not ("json" or "html" or "png"))
        {
            return Problems.UnknownStatisticsFormat(requested);
        }

        var format = Enum.Parse<StatisticsFormat>(requested, ignoreCase: true);
        var rendered = await views.RenderAsync(parsed, format, cancellationToken);
        return new ContentResponse(
            StatusCodes.Status200OK, rendered.ContentType, rendered.Content, format == StatisticsFormat.Html ? StatisticsViews.HtmlContentSecurityPolicy : null);
    }
}
