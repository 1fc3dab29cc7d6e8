using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Statistics;

/// <summary>Turns a month's figures into the mail management reads and the card the team sees.</summary>
public interface IMonthlyReportComposer
{
    /// <summary>The report as HTML with the chart inline, and a plain-text alternative.</summary>
    OutgoingMail ComposeMail(MonthlyStatistics statistics, IReadOnlyList<string> recipients);

    TeamsCard ComposeCard(MonthlyStatistics statistics);
}
