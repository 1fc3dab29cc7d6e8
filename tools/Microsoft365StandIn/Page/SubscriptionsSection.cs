using System.Globalization;
using System.Text;

namespace Microsoft365StandIn.Page;

/// <summary>The change-notification subscriptions the app holds, and the faults waiting to be served to it.</summary>
internal static class SubscriptionsSection
{
    public const string Id = "subscriptions";

    public static string Summary(PageContext page) =>
        Counting.Of(StateJson.Objects(page.State, "subscriptions").Count, "subscription") + ", " + Counting.Of(StateJson.Objects(page.State, "faults").Count, "pending fault");

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\"><h2 id=\"").Append(Id).Append("-h\">Subscriptions and pending faults</h2>");
        var subscriptions = StateJson.Objects(page.State, "subscriptions");
        html.Append("<h3>Subscriptions</h3>");
        if (subscriptions.Count == 0)
        {
            html.Append("<p class=\"empty\">No subscription. The app's <code>KeepMailbox</code> timer subscribes to the inbox when it starts and every 15 minutes after; the subscription appears here once it has run.</p>");
        }
        else
        {
            html.OpenScrollRegion("Subscriptions").Append("<table><thead><tr><th scope=\"col\">Resource</th><th scope=\"col\">Change</th><th scope=\"col\">Notification URL</th><th scope=\"col\">Lifecycle URL</th><th scope=\"col\">Expires</th></tr></thead><tbody>");
            foreach (var subscription in subscriptions)
            {
                html.Append("<tr><td><code>").AppendEncoded(StateJson.String(subscription, "resource")).Append("</code></td><td>").AppendEncoded(StateJson.String(subscription, "changeType"))
                    .Append("</td><td><code>").AppendEncoded(StateJson.String(subscription, "notificationUrl")).Append("</code></td><td><code>")
                    .AppendEncoded(StateJson.String(subscription, "lifecycleNotificationUrl") ?? "none").Append("</code></td><td>");
                if (StateJson.Time(subscription, "expirationDateTime") is { } expires)
                {
                    html.AppendTime(expires).Append(expires <= page.Now ? " <span class=\"chip chip-late\">expired</span>" : string.Empty);
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        var faults = StateJson.Objects(page.State, "faults");
        html.Append("<h3>Pending faults</h3>");
        if (faults.Count == 0)
        {
            html.Append("<p class=\"empty\">None: every request is answered normally. A test queues a fault (a status such as 429 or 503, how often, Retry-After, latency, for paths containing a text) to see the app retry; it shows here until it has been served.</p>");
        }
        else
        {
            html.OpenScrollRegion("Pending faults").Append("<table><thead><tr><th scope=\"col\" class=\"n\">Status</th><th scope=\"col\" class=\"n\">Times left</th><th scope=\"col\" class=\"n\">Retry-After</th><th scope=\"col\" class=\"n\">Latency</th><th scope=\"col\">Paths containing</th></tr></thead><tbody>");
            foreach (var fault in faults)
            {
                html.Append("<tr><td class=\"n\">").AppendEncoded(StateJson.String(fault, "status")).Append("</td><td class=\"n\">").AppendEncoded(StateJson.String(fault, "remaining"))
                    .Append("</td><td class=\"n\">").AppendEncoded(Unit(StateJson.Number(fault, "retryAfterSeconds"), "s")).Append("</td><td class=\"n\">")
                    .AppendEncoded(Unit(StateJson.Number(fault, "latencyMs"), "ms")).Append("</td><td><code>").AppendEncoded(StateJson.String(fault, "pathContains") ?? "any path")
                    .Append("</code></td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("</section>");
    }

    private static string Unit(double? value, string unit) => value is { } number ? number.ToString("0.###", CultureInfo.InvariantCulture) + " " + unit : "–";
}
