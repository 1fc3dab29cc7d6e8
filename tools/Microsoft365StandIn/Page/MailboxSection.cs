using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>The shared mailbox's folders and what is in each, briefly: the mail itself is the app's input, not its output.</summary>
internal static class MailboxSection
{
    public const string Id = "mailbox";

    public static string Summary(PageContext page)
    {
        var folders = StateJson.Objects(page.State, "mailFolders");
        return folders.Count == 0 ? "no folders yet" : Counting.Of(folders.Sum(folder => StateJson.Objects(folder, "messages").Count), "message") + " in " + Counting.Of(folders.Count, "folder");
    }

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\"><h2 id=\"").Append(Id).Append("-h\">Mailbox</h2>");
        var folders = StateJson.Objects(page.State, "mailFolders");
        if (StateJson.String(page.State, "mailbox") is { Length: > 0 } mailbox)
        {
            html.Append("<p class=\"lead\">The shared mailbox <code>").AppendEncoded(mailbox).Append("</code>: what arrived, and where the app filed it.</p>");
        }

        if (folders.Count == 0)
        {
            html.Append("<p class=\"empty\">The mailbox has no folders yet. Send a mail with <code>ope mail send</code>: it arrives in the Inbox, and the app files it into \"Processed\" once it has become an enquiry.</p></section>");
            return;
        }

        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (StateJson.String(folder, "id") is { Length: > 0 } id)
            {
                byId.TryAdd(id, folder);
            }
        }

        foreach (var folder in folders)
        {
            var messages = StateJson.Objects(folder, "messages");
            html.Append("<details class=\"folder\"").Append(messages.Count > 0 ? " open" : string.Empty).Append("><summary><span class=\"folder-name\">")
                .AppendEncoded(PathOf(folder, byId)).Append("</span> <span class=\"count\">").Append(messages.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></summary>");
            if (messages.Count == 0)
            {
                html.Append("<p class=\"muted\">Empty.</p></details>");
                continue;
            }

            html.OpenScrollRegion("Messages in " + PathOf(folder, byId)).Append("<table><thead><tr><th scope=\"col\">Received</th><th scope=\"col\">From</th><th scope=\"col\">Subject</th><th scope=\"col\" class=\"n\">Text</th></tr></thead><tbody>");
            foreach (var message in messages.OrderByDescending(message => StateJson.Time(message, "receivedDateTime") ?? DateTimeOffset.MinValue))
            {
                html.Append("<tr><td>");
                if (StateJson.Time(message, "receivedDateTime") is { } received)
                {
                    html.AppendTime(received);
                }

                var length = StateJson.String(message, "text")?.Length ?? 0;
                html.Append("</td><td>").AppendEncoded(StateJson.String(message, "from")).Append("</td><td>")
                    .AppendEncoded(StateJson.String(message, "subject") is { Length: > 0 } subject ? subject : "(no subject)")
                    .Append("</td><td class=\"n\">").Append(Counting.Of(length, "character")).Append("</td></tr>");
            }

            html.Append("</tbody></table></div></details>");
        }

        html.Append("</section>");
    }

    /// <summary>"Inbox / Processed": the folder under its parents, as far as the parents are in the mailbox.</summary>
    private static string PathOf(JsonObject folder, Dictionary<string, JsonObject> byId)
    {
        var names = new List<string> { StateJson.String(folder, "displayName") ?? "(unnamed folder)" };
        var parent = StateJson.String(folder, "parentFolderId");
        while (parent is not null && names.Count < 10 && byId.TryGetValue(parent, out var above))
        {
            names.Insert(0, StateJson.String(above, "displayName") ?? "(unnamed folder)");
            parent = StateJson.String(above, "parentFolderId");
        }

        return string.Join(" / ", names);
    }
}
