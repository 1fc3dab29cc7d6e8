using System.Text;
using OnePointEntry.Statistics;

namespace OnePointEntry.Reports;

/// <summary>The monthly report's headline figures as plain text, for mail clients that show no HTML.</summary>
public sealed class StatisticsTextReport(ReportText text)
{
    /// <summary>How many countries the text lists; the HTML has them all.</summary>
    public const int CountriesListed = 5;

    public string Monthly(MonthlyStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var report = new StringBuilder();
        report.Append("Delegation statistics ").AppendLine(ReportText.PeriodName(statistics.Month.Period)).AppendLine();
        Period(report, statistics.Month);
        report.AppendLine();
        Period(report, statistics.YearToDate);
        report.AppendLine().AppendLine("The tables, the chart and the month's delegations are in the HTML version of this mail.");
        return report.ToString();
    }

    private void Period(StringBuilder report, PeriodStatistics statistics)
    {
        var delegations = statistics.Current.DelegationsFacilitated;
        report.AppendLine(ReportText.PeriodName(statistics.Period));
        report.Append("- ").AppendLine(ReportText.Headline(Measure.DelegationsFacilitated, delegations.Total, statistics.Previous.DelegationsFacilitated.Total, statistics.Previous.Period));
        report.Append("- ").AppendLine(ReportText.Headline(Measure.EnquiriesReceived, statistics.Current.EnquiriesReceived.Total, statistics.Previous.EnquiriesReceived.Total, statistics.Previous.Period));
        foreach (var (country, count) in delegations.ByCountry.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(CountriesListed))
        {
            report.Append("  ").Append(text.CountryName(country)).Append(": ").Append(ReportText.Count(count))
                .Append(" (").Append(ReportText.Percent(delegations.ShareByCountry[country])).Append(", ")
                .Append(ReportText.Growth(statistics.DelegationsGrowth.ByCountry.GetValueOrDefault(country), count)).AppendLine(")");
        }
    }
}
