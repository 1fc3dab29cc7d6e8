using System.Text;
using OnePointEntry.Statistics;

namespace OnePointEntry.Reports;

/// <summary>
/// A year's or a month's current figures as JSON (the document <c>ope stats --json</c> prints), the HTML
/// report with the chart embedded, or the chart alone.
/// </summary>
public sealed class StatisticsViews(DelegationStatistics statistics, StatisticsHtmlReport html, StatisticsChart chart)
{
    /// <summary>What the HTML page may load: its own style, and the chart it carries as a data URI.</summary>
    public static string HtmlContentSecurityPolicy { get; } =
        $"default-src 'none'; img-src data:; style-src {StatisticsHtmlReport.StylesheetHash}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task<RenderedStatistics> RenderAsync(StatisticsPeriod period, StatisticsFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Kind == StatisticsPeriodKind.Month)
        {
            var month = await statistics.ComputeMonthAsync(period.First, cancellationToken);
            return format switch
            {
                StatisticsFormat.Html => Html(html.Monthly(month, DataUri(chart.RenderPng(month.Chart)))),
                StatisticsFormat.Png => Png(chart.RenderPng(month.Chart)),
                _ => Json(StatisticsDocument.Of(month)),
            };
        }

        var year = await statistics.ComputeYearAsync(period.First.Year, cancellationToken);
        return format switch
        {
            StatisticsFormat.Html => Html(html.Yearly(year, DataUri(chart.RenderPng(year.Chart)))),
            StatisticsFormat.Png => Png(chart.RenderPng(year.Chart)),
            _ => Json(StatisticsDocument.Of(year.Year)),
        };
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static RenderedStatistics Html(string page) => new("text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));

    private static RenderedStatistics Png(byte[] png) => new("image/png", png);

    private static RenderedStatistics Json(StatisticsDocument document) => new("application/json; charset=utf-8", Encoding.UTF8.GetBytes(document.ToJson()));
}
