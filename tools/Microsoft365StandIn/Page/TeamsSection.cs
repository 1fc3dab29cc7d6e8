using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>Each Teams channel that received Workflows posts, with every post's cards drawn as Teams draws them.</summary>
internal static class TeamsSection
{
    public const string Id = "teams";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static string Summary(PageContext page)
    {
        var channels = Channels(page);
        var posts = channels.Sum(channel => StateJson.Objects(channel, "messages").Count);
        return posts == 0 ? "no posts yet" : Counting.Of(posts, "post") + " in " + Counting.Of(channels.Count, "channel");
    }

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\"><h2 id=\"").Append(Id).Append("-h\">Teams channels</h2>");
        var channels = Channels(page);
        if (channels.Count == 0)
        {
            html.Append("<p class=\"empty\">No channel has received a post yet. The app posts an Adaptive Card to the team's channel through its Workflows webhook for each routed enquiry and for the monthly statistics report. Send a mail with <code>ope mail send</code> (or submit the enquiry form) and wait for routing.</p></section>");
            return;
        }

        var index = 0;
        foreach (var channel in channels)
        {
            var headingId = "channel-" + (index++).ToString(CultureInfo.InvariantCulture);
            var messages = StateJson.Objects(channel, "messages");
            html.Append("<article class=\"panel channel\" aria-labelledby=\"").Append(headingId).Append("\"><h3 id=\"").Append(headingId).Append("\" class=\"channel-name\">")
                .Append("<span aria-hidden=\"true\">#</span> ").AppendEncoded(StateJson.String(channel, "name") ?? "channel")
                .Append(" <span class=\"muted\">").Append(Counting.Of(messages.Count, "post")).Append("</span></h3>");
            if (messages.Count == 0)
            {
                html.Append("<p class=\"empty\">No posts in this channel yet.</p></article>");
                continue;
            }

            html.Append("<ol class=\"posts\">");
            foreach (var message in messages)
            {
                AppendPost(html, page, message);
            }

            html.Append("</ol></article>");
        }

        html.Append("</section>");
    }

    private static List<JsonObject> Channels(PageContext page) => [.. StateJson.Objects(StateJson.Object(page.State, "teams"), "channels")];

    private static void AppendPost(StringBuilder html, PageContext page, JsonObject message)
    {
        html.Append("<li class=\"post\"><div class=\"avatar avatar-app\" aria-hidden=\"true\">W</div><div class=\"post-main\"><p class=\"post-head\"><span class=\"post-author\">Workflows</span> ");
        if (StateJson.Time(message, "receivedAt") is { } received)
        {
            html.Append("<span class=\"muted\">").AppendTime(received).Append("</span>");
        }

        html.Append("</p>");
        if (StateJson.String(message, "text") is { Length: > 0 } text)
        {
            html.Append("<div class=\"post-text\">");
            AdaptiveCardMarkdown.AppendBlock(html, text);
            html.Append("</div>");
        }

        var cards = StateJson.Objects(message, "cards");
        if (cards.Count == 0 && StateJson.String(message, "text") is null)
        {
            html.Append("<p class=\"ac-note\">The post had no card and no text.</p>");
        }

        foreach (var attachment in cards)
        {
            var contentType = StateJson.String(attachment, "contentType");
            var content = StateJson.Object(attachment, "content");
            if (string.Equals(contentType, AdaptiveCardContentType, StringComparison.OrdinalIgnoreCase) && content is not null)
            {
                page.Cards.AppendCard(html, content);
            }
            else
            {
                html.Append("<p class=\"ac-note\">unsupported attachment: ").AppendEncoded(contentType ?? "(no content type)")
                    .Append(content is null ? " without content" : string.Empty).Append("</p>");
            }
        }

        html.Append("</div></li>");
    }
}
