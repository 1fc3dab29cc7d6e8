using OnePointEntry.Mail;
using OnePointEntry.Routing;
using OnePointEntry.Statistics;

namespace OnePointEntry.Reports;

/// <summary>The monthly report as a mail (HTML with the chart inline, and plain text) and as a Teams card.</summary>
public sealed class MonthlyReportComposer(StatisticsHtmlReport html, StatisticsTextReport plainText, StatisticsChart chart, ReportText text) : IMonthlyReportComposer
{
    public const string ChartContentId = "delegations-chart";

    public OutgoingMail ComposeMail(MonthlyStatistics statistics, IReadOnlyList<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new OutgoingMail
        {
            To = recipients,
            Subject = $"Delegation statistics {ReportText.PeriodName(statistics.Month.Period)}",
            HtmlBody = html.Monthly(statistics, "cid:" + ChartContentId),
            PlainTextBody = plainText.Monthly(statistics),
            InlineImages = [new InlineImage(ChartContentId, "image/png", chart.RenderPng(statistics.Chart))],
        };
    }

    public TeamsCard ComposeCard(MonthlyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var month = statistics.Month;
        var delegations = month.Current.DelegationsFacilitated;
        var yearToDate = statistics.YearToDate;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Delegations facilitated", $"{ReportText.Count(delegations.Total)} ({ReportText.Growth(month.DelegationsGrowth.Total, delegations.Total)} on {ReportText.PeriodName(month.Previous.Period)})"),
            new("Enquiries received", $"{ReportText.Count(month.Current.EnquiriesReceived.Total)} ({ReportText.Growth(month.EnquiriesGrowth.Total, month.Current.EnquiriesReceived.Total)})"),
            new($"Delegations {ReportText.PeriodName(yearToDate.Period)}", $"{ReportText.Count(yearToDate.Current.DelegationsFacilitated.Total)} ({ReportText.Growth(yearToDate.DelegationsGrowth.Total, yearToDate.Current.DelegationsFacilitated.Total)})"),
        };
        foreach (var (country, count) in delegations.ByCountry.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(3))
        {
            facts.Add(new(text.CountryName(country), $"{ReportText.Count(count)} ({ReportText.Percent(delegations.ShareByCountry[country])})"));
        }

        if (delegations.Total > 0)
        {
            facts.Add(new("Public sector", ReportText.Percent(delegations.ShareBySector.GetValueOrDefault("public"))));
        }

        return new TeamsCard(
            $"Delegation statistics {ReportText.PeriodName(month.Period)}",
            ReportText.Headline(Measure.DelegationsFacilitated, delegations.Total, month.Previous.DelegationsFacilitated.Total, month.Previous.Period) + ". The full report was mailed.",
            facts,
            null);
    }
}
