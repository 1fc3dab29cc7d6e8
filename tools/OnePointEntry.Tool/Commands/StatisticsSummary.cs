using System.Globalization;
using System.Text;
using OnePointEntry.Reports;
using OnePointEntry.Statistics;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// The figures as a few lines for a terminal, rounded and worded as the report words them; <c>--json</c> gives
/// all of them, unrounded.
/// </summary>
internal static class StatisticsSummary
{
    public static string Of(StatisticsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        Append(text, document);
        if (document.YearToDate is { } yearToDate)
        {
            text.AppendLine();
            Append(text, yearToDate);
        }

        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, StatisticsDocument document)
    {
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"{document.Period} (against {document.Previous.Period})");
        text.AppendLine(culture, $"  delegations facilitated  {document.DelegationsFacilitated.Total,6}  was {document.Previous.DelegationsFacilitated.Total,6}  {ReportText.Growth(document.Growth.Total, document.DelegationsFacilitated.Total)}");
        text.AppendLine(culture, $"  enquiries received       {document.EnquiriesReceived.Total,6}  was {document.Previous.EnquiriesReceived.Total,6}  {ReportText.Growth(document.Growth.EnquiriesReceived.Total, document.EnquiriesReceived.Total)}");
        foreach (var (country, count) in document.DelegationsFacilitated.ByCountry.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {country,-24} {count,6}  {ReportText.Percent(document.DelegationsFacilitated.ShareByCountry[country]),7}  {ReportText.Growth(document.Growth.ByCountry.GetValueOrDefault(country), count)}");
        }

        foreach (var (sector, count) in document.DelegationsFacilitated.BySector)
        {
            text.AppendLine(culture, $"  {sector,-24} {count,6}  {ReportText.Percent(document.DelegationsFacilitated.ShareBySector[sector]),7}");
        }
    }
}
