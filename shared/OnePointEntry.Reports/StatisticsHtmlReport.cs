using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using OnePointEntry.Statistics;

namespace OnePointEntry.Reports;

/// <summary>
/// The statistics as one HTML document, for the mail and for <c>?format=html</c>: headline sentences, tables
/// with captions and header cells, the chart with its figures as a table. No script and nothing loaded from
/// elsewhere; every name from the data (organisations, cities) is encoded.
/// </summary>
public sealed class StatisticsHtmlReport(ReportText text, StatisticsChart chart)
{
    /// <summary>The page's only style, in one element, so a Content-Security-Policy can allow it by hash.</summary>
    public const string Stylesheet =
        "body{font-family:Segoe UI,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:1.5rem;max-width:64rem;line-height:1.45}"
        + "h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #1f5fa8}h3{font-size:1.1rem}"
        + "table{border-collapse:collapse;margin:0.5rem 0 1.25rem}caption{text-align:left;font-weight:600;padding:0.25rem 0}"
        + "th,td{border:1px solid #8a8a8a;padding:0.2rem 0.5rem;text-align:left;vertical-align:top}thead th{background:#e8eef6}"
        + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tfoot th,tfoot td{font-weight:600}"
        + "img{max-width:100%;height:auto;border:1px solid #8a8a8a}.note{color:#444}";

    /// <summary>The value for <c>style-src</c> that allows <see cref="Stylesheet"/> and nothing else.</summary>
    public static string StylesheetHash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet))) + "'";

    /// <param name="chartSource">Where the chart image is: <c>cid:…</c> in a mail, a <c>data:</c> URI on the web.</param>
    public string Monthly(MonthlyStatistics statistics, string chartSource)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var month = ReportText.PeriodName(statistics.Month.Period);
        var html = Begin($"Delegation statistics {month}");
        Period(html, statistics.Month, "month");
        Period(html, statistics.YearToDate, "year-to-date");
        Chart(html, statistics.Chart, chartSource);
        Delegations(html, statistics.Delegations, month);
        return End(html);
    }

    public string Yearly(YearlyStatistics statistics, string chartSource)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var html = Begin($"Delegation statistics {ReportText.PeriodName(statistics.Year.Period)}");
        Period(html, statistics.Year, "year");
        Chart(html, statistics.Chart, chartSource);
        return End(html);
    }

    private static StringBuilder Begin(string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Stylesheet).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        html.Append("<p class=\"note\">One-Point Entry, Greater Copenhagen. Counted from the enquiries and delegations stored: enquiries on the day they came in, delegations on the day they arrived (from the visit being scheduled), Copenhagen time.</p>\n");
        return html;
    }

    private static string End(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    private void Period(StringBuilder html, PeriodStatistics statistics, string id)
    {
        var name = ReportText.PeriodName(statistics.Period);
        var earlier = ReportText.PeriodName(statistics.Previous.Period);
        var delegations = statistics.Current.DelegationsFacilitated;
        var enquiries = statistics.Current.EnquiriesReceived;
        var previousDelegations = statistics.Previous.DelegationsFacilitated;
        var previousEnquiries = statistics.Previous.EnquiriesReceived;
        html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Encode(name)}</h2>\n<ul>\n");
        html.Append("<li>").Append(Encode(ReportText.Headline(Measure.DelegationsFacilitated, delegations.Total, previousDelegations.Total, statistics.Previous.Period))).Append("</li>\n");
        html.Append("<li>").Append(Encode(ReportText.Headline(Measure.EnquiriesReceived, enquiries.Total, previousEnquiries.Total, statistics.Previous.Period))).Append("</li>\n");
        if (delegations.ShareByCountry.GetValueOrDefault("CN") is > 0 and var china)
        {
            html.Append("<li>").Append(Encode($"{ReportText.Percent(china)} of the delegations came from China")).Append("</li>\n");
        }

        if (delegations.ShareBySector.GetValueOrDefault("public") is > 0 and var publicSector)
        {
            html.Append("<li>").Append(Encode($"{ReportText.Percent(publicSector)} were from the public sector")).Append("</li>\n");
        }

        html.Append("</ul>\n");
        html.Append("<h3>Delegations facilitated</h3>\n");
        Table(html, $"Delegations facilitated by country, {name}", "Country", earlier,
            Rows(delegations.ByCountry, previousDelegations.ByCountry, text.CountryName, withCode: true), delegations, previousDelegations, delegations.CountryNotKnown, previousDelegations.CountryNotKnown, withShare: true);
        Table(html, $"Delegations facilitated by sector, {name}", "Sector", earlier,
            Rows(delegations.BySector, previousDelegations.BySector, ReportText.SectorName, withCode: false), delegations, previousDelegations, delegations.SectorNotKnown, previousDelegations.SectorNotKnown, withShare: true);
        Table(html, $"Public delegations by level, {name}", "Level", earlier,
            Rows(delegations.ByLevel, previousDelegations.ByLevel, ReportText.LevelName, withCode: false), null, null, 0, 0, withShare: false);
        Table(html, $"Delegations facilitated by theme, {name} (a delegation counts under each of its themes)", "Theme", earlier,
            Rows(delegations.ByTheme, previousDelegations.ByTheme, text.ThemeName, withCode: false), null, null, 0, 0, withShare: false);
        html.Append("<h3>Enquiries received</h3>\n");
        Table(html, $"Enquiries received by country, {name}", "Country", earlier,
            Rows(enquiries.ByCountry, previousEnquiries.ByCountry, text.CountryName, withCode: true), enquiries, previousEnquiries, enquiries.CountryNotKnown, previousEnquiries.CountryNotKnown, withShare: true);
        Table(html, $"Enquiries received by sector, {name}", "Sector", earlier,
            Rows(enquiries.BySector, previousEnquiries.BySector, ReportText.SectorName, withCode: false), enquiries, previousEnquiries, enquiries.SectorNotKnown, previousEnquiries.SectorNotKnown, withShare: true);
        html.Append("</section>\n");
    }

    private static List<(string Label, int Now, int Earlier)> Rows(
        IReadOnlyDictionary<string, int> now, IReadOnlyDictionary<string, int> earlier, Func<string, string> name, bool withCode) =>
        [.. now.Keys.Union(earlier.Keys)
            .Select(key => (Label: withCode ? $"{name(key)} ({key})" : name(key), Now: now.GetValueOrDefault(key), Earlier: earlier.GetValueOrDefault(key)))
            .OrderByDescending(row => row.Now).ThenByDescending(row => row.Earlier).ThenBy(row => row.Label, StringComparer.Ordinal)];

    /// <param name="total">The breakdown the shares are of and whose total is shown; null for a table without a total (levels, themes).</param>
    private static void Table(
        StringBuilder html, string caption, string what, string earlier, List<(string Label, int Now, int Earlier)> rows,
        Breakdown? total, Breakdown? earlierTotal, int notKnown, int earlierNotKnown, bool withShare)
    {
        if (rows.Count == 0 && notKnown == 0 && earlierNotKnown == 0)
        {
            html.Append("<p>").Append(Encode(caption)).Append(": none.</p>\n");
            return;
        }

        html.Append("<table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr><th scope=\"col\">").Append(Encode(what))
            .Append("</th><th scope=\"col\" class=\"n\">Count</th>");
        if (withShare)
        {
            html.Append("<th scope=\"col\" class=\"n\">Share</th>");
        }

        html.Append("<th scope=\"col\" class=\"n\">").Append(Encode(earlier)).Append("</th><th scope=\"col\" class=\"n\">Growth</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            Row(html, row.Label, row.Now, row.Earlier, withShare ? Share(row.Now, total) : null, withShare);
        }

        if (notKnown > 0 || earlierNotKnown > 0)
        {
            Row(html, "Not known", notKnown, earlierNotKnown, withShare ? Share(notKnown, total) : null, withShare);
        }

        html.Append("</tbody>\n");
        if (total is not null && earlierTotal is not null)
        {
            html.Append("<tfoot>\n");
            Row(html, "Total", total.Total, earlierTotal.Total, withShare ? (total.Total > 0 ? ReportText.Percent(1) : "–") : null, withShare);
            html.Append("</tfoot>\n");
        }

        html.Append("</table>\n");
    }

    private static string Share(int count, Breakdown? total) =>
        total is { Total: > 0 } ? ReportText.Percent((double)count / total.Total) : "–";

    private static void Row(StringBuilder html, string label, int now, int earlier, string? share, bool withShare)
    {
        html.Append("<tr><th scope=\"row\">").Append(Encode(label)).Append("</th><td class=\"n\">").Append(ReportText.Count(now)).Append("</td>");
        if (withShare)
        {
            html.Append("<td class=\"n\">").Append(share).Append("</td>");
        }

        html.Append("<td class=\"n\">").Append(ReportText.Count(earlier)).Append("</td><td class=\"n\">")
            .Append(Encode(ReportText.Growth(Growth.Fraction(earlier, now), now))).Append("</td></tr>\n");
    }

    private void Chart(StringBuilder html, DelegationChart figures, string chartSource)
    {
        html.Append("<section aria-labelledby=\"chart\">\n<h2 id=\"chart\">Delegations per month</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{Encode(chartSource)}\" width=\"{StatisticsChart.Width}\" height=\"{StatisticsChart.Height}\" alt=\"{Encode(chart.Describe(figures))}\">\n");
        html.Append("<table>\n<caption>Delegations facilitated per month by country</caption>\n<thead><tr><th scope=\"col\">Month</th>");
        foreach (var series in figures.Series)
        {
            html.Append("<th scope=\"col\" class=\"n\">").Append(Encode(text.CountryName(series.CountryCode))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < figures.Months.Count; i++)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(ReportText.MonthName(figures.Months[i]))).Append("</th>");
            foreach (var series in figures.Series)
            {
                html.Append("<td class=\"n\">").Append(ReportText.Count(series.Counts[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private void Delegations(StringBuilder html, IReadOnlyList<StatisticsFact> delegations, string month)
    {
        html.Append("<section aria-labelledby=\"delegations\">\n<h2 id=\"delegations\">").Append(Encode($"Delegations arriving in {month}")).Append("</h2>\n");
        if (delegations.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<caption>").Append(Encode($"Delegations arriving in {month}, by day")).Append("</caption>\n<thead><tr><th scope=\"col\">Arrival</th><th scope=\"col\">Organisation</th><th scope=\"col\">Country</th><th scope=\"col\">Sector</th><th scope=\"col\" class=\"n\">People</th></tr></thead>\n<tbody>\n");
        foreach (var delegation in delegations)
        {
            html.Append("<tr><td>").Append(delegation.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("</td><th scope=\"row\">").Append(Encode(delegation.Organisation ?? "–"))
                .Append("</th><td>").Append(Encode(delegation.CountryCode is null ? "Not known" : text.CountryName(delegation.CountryCode)))
                .Append("</td><td>").Append(Encode(delegation.Sector is null ? "Not known" : ReportText.SectorName(delegation.Sector)))
                .Append("</td><td class=\"n\">").Append(delegation.DelegationSize is { } size ? ReportText.Count(size) : "–").Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
