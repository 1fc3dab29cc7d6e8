using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>
/// <c>GET /standin</c>: what the app's staff and senders got from it, read from the stand-in's state (the document
/// <c>GET /standin/state</c> returns). One HTML document with one nonce'd style element and nothing else to
/// load: no script, images only as <c>data:</c> URIs, so it works under the server's strict policy. It reloads
/// itself every five seconds so that a person watching sees mail and events arrive.
/// </summary>
public static class StandInPage
{
    public const int RefreshSeconds = 5;

    public static string Render(JsonObject state, string nonce)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        var page = new PageContext(state);
        var sections = new (string Id, string Title, Func<PageContext, string> Summary, Action<StringBuilder, PageContext> Append)[]
        {
            (CalendarSection.Id, "Calendars", CalendarSection.Summary, CalendarSection.Append),
            (PlannerSection.Id, "Planner board", PlannerSection.Summary, PlannerSection.Append),
            (TeamsSection.Id, "Teams channels", TeamsSection.Summary, TeamsSection.Append),
            (MailSection.Id, "Mail sent", MailSection.Summary, MailSection.Append),
            (MailboxSection.Id, "Mailbox", MailboxSection.Summary, MailboxSection.Append),
            (SubscriptionsSection.Id, "Subscriptions and pending faults", SubscriptionsSection.Summary, SubscriptionsSection.Append),
        };

        var body = new StringBuilder(64 * 1024);
        body.Append("<header class=\"topbar\"><p class=\"brand\">Microsoft 365 stand-in</p>");
        if (StateJson.String(state, "mailbox") is { Length: > 0 } mailbox)
        {
            body.Append("<p class=\"topbar-mailbox\">").AppendEncoded(mailbox).Append("</p>");
        }

        body.Append("</header><main id=\"main\"><h1>What staff and senders got</h1><p class=\"lead\">State at ").AppendTime(page.Now)
            .Append(". All times are Copenhagen time. This page reloads every ").Append(RefreshSeconds).Append(" seconds, so new mail, events, tasks and cards appear as they arrive; the same state as JSON is at <a href=\"/standin/state\">/standin/state</a>.</p>")
            .Append("<nav aria-label=\"Contents\" class=\"toc\"><h2 class=\"visually-hidden\">Contents</h2><ol>");
        foreach (var section in sections)
        {
            body.Append("<li><a href=\"#").Append(section.Id).Append("\">").Append(section.Title).Append("</a> <span class=\"count\">")
                .AppendEncoded(section.Summary(page)).Append("</span></li>");
        }

        body.Append("</ol></nav>");
        foreach (var section in sections)
        {
            section.Append(body, page);
        }

        body.Append("</main><footer class=\"footer\"><p>A stand-in for Microsoft 365 for local runs and tests: nothing here reached a real mailbox, calendar, plan or channel.</p></footer>");

        var html = new StringBuilder(body.Length + 16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds).Append("\">\n<title>Microsoft 365 stand-in</title>\n<style nonce=\"").AppendEncoded(nonce).Append("\">")
            .Append(PageStylesheet.Css).Append(page.Styles.Rules).Append("</style>\n</head>\n<body>\n")
            .Append(body).Append("\n</body>\n</html>\n");
        return html.ToString();
    }
}
