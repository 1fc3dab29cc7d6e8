using System.Globalization;
using System.Net;
using System.Text;
using OnePointEntry.Enquiries;
using OnePointEntry.Text;

namespace OnePointEntry.Routing;

/// <summary>
/// The screening task as a screener reads it, with the reading already done: the extracted facts, the
/// suggested partners with their reasons, why this screener, and the sender's own text. Every value from the
/// enquiry is escaped for HTML: it is the sender's and may hold anything. Its subject (the calendar event's
/// subject and the Planner task's title) and every fact are one line of visible text, bounded; the sender's
/// own text keeps its lines but loses control and direction-changing characters. Teams' Markdown is escaped
/// by the card's adapter.
/// </summary>
public sealed record ScreeningBrief(string Subject, string Html, string PlainText, IReadOnlyList<KeyValuePair<string, string>> Facts)
{
    /// <summary>The sender's text shown in the brief at most; the whole is in the enquiry.</summary>
    public const int MaxOriginalText = 4_000;

    /// <summary>The longest subject: a Planner task's title holds 255 characters, and so does an event's subject shown whole.</summary>
    public const int MaxSubjectLength = 255;

    /// <summary>The longest fact value (organisation, referred by, ...).</summary>
    public const int MaxFactLength = 300;

    public static ScreeningBrief For(Enquiry enquiry, Uri link)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(link);
        var submission = enquiry.Submission;
        var facts = enquiry.Screening;
        var decision = enquiry.Decision;
        var who = Line(submission.Organisation) is { Length: > 0 } organisation ? organisation : "delegation";
        var from = facts?.CountryCode ?? (Line(submission.Country) is { Length: > 0 } country ? country : "country unknown");
        // The reference leads and the priority is never cut: a long organisation is what gives way.
        var head = $"[{enquiry.Reference}] Screen: ";
        var tail = $" ({DisplayText.SingleLine(from, 60)}), priority {decision?.Priority.Level.ToString() ?? "unknown"}";
        var subject = head + DisplayText.SingleLine(who, Math.Max(20, MaxSubjectLength - head.Length - tail.Length)) + tail;

        var factList = new List<KeyValuePair<string, string>>
        {
            new("Reference", enquiry.Reference.ToString()),
            new("Received", CopenhagenTime.ToCopenhagen(enquiry.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            new("Organisation", who),
            new("From", string.Join(", ", new[] { facts?.City, facts?.Region, facts?.CountryCode }.Where(part => !string.IsNullOrWhiteSpace(part)))),
            new("Sector", string.Join(" / ", new[] { facts?.Sector, facts?.Level }.Where(part => !string.IsNullOrWhiteSpace(part)))),
            new("People", submission.DelegationSize?.ToString(CultureInfo.InvariantCulture) ?? "not stated"),
            new("Visit", Dates(submission.ArrivalDate, submission.DepartureDate)),
            new("Themes", facts is { Themes.Count: > 0 } ? string.Join(", ", facts.Themes) : "none found"),
            new("Referred by", Line(submission.ReferredBy) is { Length: > 0 } referredBy ? referredBy : "direct"),
            new("Language", Line(submission.Language) is { Length: > 0 } language ? language : "unknown"),
        };
        if (decision is not null)
        {
            factList.Add(new("Priority", $"{decision.Priority.Level} ({decision.Priority.Score} points)"));
            factList.Add(new("Screening due", CopenhagenTime.ToCopenhagen(decision.Deadline).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<html><body><h2>").Append(Encode(subject)).Append("</h2><table>");
        foreach (var (label, value) in factList)
        {
            html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>");
            text.Append(label).Append(": ").AppendLine(value);
        }

        html.Append("</table>");
        if (decision is not null)
        {
            html.Append("<h3>Suggested partners</h3><ol>");
            text.AppendLine().AppendLine("Suggested partners:");
            foreach (var partner in decision.Partners)
            {
                html.Append("<li><b>").Append(Encode(partner.Name)).Append("</b>: ").Append(Encode(string.Join("; ", partner.Reasons))).Append("</li>");
                text.Append("- ").Append(partner.Name).Append(": ").AppendLine(string.Join("; ", partner.Reasons));
            }

            html.Append("</ol><h3>Why you</h3><ul>");
            text.AppendLine().AppendLine("Why you:");
            foreach (var reason in decision.Screener?.Reasons ?? [])
            {
                html.Append("<li>").Append(Encode(reason)).Append("</li>");
                text.Append("- ").AppendLine(reason);
            }

            html.Append("</ul>");
        }

        var original = DisplayText.MultiLine(submission.Purpose, MaxOriginalText);
        html.Append("<h3>The enquiry in the sender's words</h3><pre style=\"white-space:pre-wrap\">").Append(Encode(original)).Append("</pre>");
        html.Append("<p><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">Open the enquiry</a></p></body></html>");
        text.AppendLine().AppendLine(link.AbsoluteUri);
        return new ScreeningBrief(subject, html.ToString(), text.ToString(), factList);
    }

    private static string Dates(DateOnly? arrival, DateOnly? departure) => (arrival, departure) switch
    {
        (null, null) => "dates not stated",
        ({ } a, { } d) when a == d => a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ({ } a, { } d) => $"{a:yyyy-MM-dd} to {d:yyyy-MM-dd}",
        ({ } a, null) => $"from {a:yyyy-MM-dd}",
        (null, { } d) => $"until {d:yyyy-MM-dd}",
    };

    private static string Line(string? value) => DisplayText.SingleLine(value, MaxFactLength);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
