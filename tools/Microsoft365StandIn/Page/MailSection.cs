using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Every mail the app sent, newest first, as the recipient would read it: an HTML body sanitized with its inline
/// images in place of their <c>cid:</c> references (so the statistics report shows its chart), else the text.
/// </summary>
internal static partial class MailSection
{
    public const string Id = "mail";

    public static string Summary(PageContext page) => Messages(page).Count is var count and > 0 ? Counting.Of(count, "mail") : "no mail yet";

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\"><h2 id=\"").Append(Id).Append("-h\">Mail sent</h2>");
        var messages = Messages(page);
        if (messages.Count == 0)
        {
            html.Append("<p class=\"empty\">No mail sent yet. The app replies to every enquiry mail with its reference: send a mail with <code>ope mail send</code> and the acknowledgement appears here within seconds. The monthly statistics report, with its chart, appears when the <code>ReportMonthlyStatistics</code> timer runs (on demand: <code>POST /admin/functions/ReportMonthlyStatistics</code>).</p></section>");
            return;
        }

        html.Append("<p class=\"lead\">Newest first: replies and sendMail from the shared mailbox through Graph, and mail sent through Azure Communication Services (ACS).</p>");
        var index = 0;
        foreach (var message in messages)
        {
            AppendMessage(html, page, message, index++);
        }

        html.Append("</section>");
    }

    private static List<SentMessage> Messages(PageContext page) =>
    [
        .. StateJson.Objects(page.State, "sentMail").Select(SentMessage.FromGraph)
            .Concat(StateJson.Objects(page.State, "acsMails").Select(SentMessage.FromAcs))
            .OrderByDescending(message => message.Sent ?? DateTimeOffset.MinValue)
            .ThenByDescending(message => message.Order),
    ];

    private static void AppendMessage(StringBuilder html, PageContext page, SentMessage message, int index)
    {
        var headingId = "mail-" + index.ToString(CultureInfo.InvariantCulture);
        html.Append("<article class=\"panel mail\" aria-labelledby=\"").Append(headingId).Append("\"><div class=\"mail-head\"><h3 id=\"").Append(headingId).Append("\">")
            .AppendEncoded(string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject).Append("</h3>")
            .Append("<span class=\"chip chip-kind\">").AppendEncoded(message.Kind).Append("</span>");
        if (message.Status is { Length: > 0 } status)
        {
            html.Append(" <span class=\"chip").Append(status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase) ? " chip-done" : " chip-late").Append("\">")
                .AppendEncoded(status).Append("</span>");
        }

        html.Append("</div><dl class=\"meta\"><dt>From</dt><dd>").AppendEncoded(Address(page, message.From)).Append("</dd><dt>To</dt><dd>")
            .AppendEncoded(message.To.Count == 0 ? "(nobody)" : string.Join(", ", message.To.Select(to => Address(page, to)))).Append("</dd><dt>Sent</dt><dd>");
        if (message.Sent is { } sent)
        {
            html.AppendTime(sent);
        }
        else
        {
            html.Append("unknown");
        }

        html.Append("</dd>");
        foreach (var (name, value) in message.Headers)
        {
            html.Append("<dt>").AppendEncoded(name).Append("</dt><dd><code>").AppendEncoded(value).Append("</code></dd>");
        }

        html.Append("</dl>");
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(message.Html))
        {
            foreach (Match reference in CidReference().Matches(message.Html))
            {
                if (MailBodySanitizer.ContentId(reference.Value) is { } contentId)
                {
                    referenced.Add(contentId);
                }
            }

            html.Append("<div class=\"rich mail-body\">").Append(MailBodySanitizer.Sanitize(message.Html, message.InlineImages)).Append("</div>");
            if (!string.IsNullOrWhiteSpace(message.Text))
            {
                html.Append("<details><summary>Plain-text version</summary><pre class=\"text\">").AppendEncoded(message.Text).Append("</pre></details>");
            }
        }
        else
        {
            html.Append("<pre class=\"text mail-body\">").AppendEncoded(string.IsNullOrEmpty(message.Text) ? "(empty body)" : message.Text).Append("</pre>");
        }

        var unreferenced = message.InlineImages.Where(image => !referenced.Contains(image.Key)).ToList();
        if (unreferenced.Count > 0)
        {
            html.Append("<div class=\"inline-images\"><p class=\"muted\">Inline images the body does not show:</p>");
            foreach (var (contentId, data) in unreferenced)
            {
                html.Append("<figure><img src=\"").Append(data).Append("\" alt=\"").AppendEncoded("Inline image " + contentId).Append("\"><figcaption><code>cid:")
                    .AppendEncoded(contentId).Append("</code></figcaption></figure>");
            }

            html.Append("</div>");
        }

        if (message.NotImages.Count > 0)
        {
            html.Append("<p class=\"ac-note\">Inline parts that are not images, not shown: ").AppendEncoded(string.Join(", ", message.NotImages)).Append("</p>");
        }

        html.Append("</article>");
    }

    private static string Address(PageContext page, string? address) =>
        string.IsNullOrWhiteSpace(address) ? "(unknown)" : page.NameOf(address) is { } name ? $"{name} <{address}>" : address;

    [GeneratedRegex(@"cid:[^""'\s>)]+", RegexOptions.IgnoreCase)]
    private static partial Regex CidReference();
}
