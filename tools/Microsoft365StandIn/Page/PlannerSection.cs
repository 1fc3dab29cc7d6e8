using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>Each Planner plan as its board: buckets as columns, tasks as cards with what Planner shows on them.</summary>
internal static class PlannerSection
{
    public const string Id = "planner";

    /// <summary>About the three lines Planner shows of a description on a card.</summary>
    private const int PreviewLength = 240;

    public static string Summary(PageContext page)
    {
        var plans = Plans(page);
        var tasks = plans.Sum(plan => StateJson.Objects(plan, "buckets").Sum(bucket => StateJson.Objects(bucket, "tasks").Count));
        return tasks == 0 ? "no tasks yet" : Counting.Of(tasks, "task") + " in " + Counting.Of(plans.Count, "plan");
    }

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\"><h2 id=\"").Append(Id).Append("-h\">Planner board</h2>");
        var plans = Plans(page);
        if (plans.Count == 0)
        {
            html.Append("<p class=\"empty\">No Planner plan yet. The stand-in holds the team's plan once the app is configured with one; each routed enquiry then adds a task to its \"Screening\" bucket. Send a mail with <code>ope mail send</code> (or submit the enquiry form) and wait for routing.</p></section>");
            return;
        }

        var index = 0;
        foreach (var plan in plans)
        {
            var headingId = "plan-" + (index++).ToString(CultureInfo.InvariantCulture);
            html.Append("<article class=\"panel\" aria-labelledby=\"").Append(headingId).Append("\"><h3 id=\"").Append(headingId).Append("\">")
                .AppendEncoded(StateJson.String(plan, "title") ?? "Untitled plan").Append("</h3>");
            var buckets = StateJson.Objects(plan, "buckets");
            if (buckets.Count == 0)
            {
                html.Append("<p class=\"empty\">This plan has no buckets.</p></article>");
                continue;
            }

            html.OpenScrollRegion("Board of " + (StateJson.String(plan, "title") ?? "the plan")).Append("<div class=\"board\">");
            foreach (var bucket in buckets)
            {
                AppendBucket(html, page, bucket);
            }

            html.Append("</div></div></article>");
        }

        html.Append("</section>");
    }

    private static List<JsonObject> Plans(PageContext page) => [.. StateJson.Objects(StateJson.Object(page.State, "planner"), "plans")];

    private static void AppendBucket(StringBuilder html, PageContext page, JsonObject bucket)
    {
        var tasks = StateJson.Objects(bucket, "tasks");
        html.Append("<div class=\"bucket\"><h4>").AppendEncoded(StateJson.String(bucket, "name") ?? "Bucket")
            .Append(" <span class=\"count\">").Append(tasks.Count.ToString(CultureInfo.InvariantCulture)).Append("</span></h4>");
        if (tasks.Count == 0)
        {
            html.Append("<p class=\"muted\">No tasks.</p></div>");
            return;
        }

        html.Append("<ul class=\"tasks\">");
        foreach (var task in tasks)
        {
            AppendTask(html, page, task);
        }

        html.Append("</ul></div>");
    }

    private static void AppendTask(StringBuilder html, PageContext page, JsonObject task)
    {
        var percent = StateJson.Number(task, "percentComplete") ?? 0;
        var (progress, progressClass) = percent switch
        {
            >= 100 => ("Completed", "done"),
            > 0 => ("In progress", "doing"),
            _ => ("Not started", "todo"),
        };
        html.Append("<li class=\"task task-").Append(progressClass).Append("\"><p class=\"task-title\">").AppendEncoded(StateJson.String(task, "title") ?? "(untitled task)").Append("</p>");
        html.Append("<p class=\"task-meta\"><span class=\"chip chip-").Append(progressClass).Append("\">").Append(progress).Append("</span>");
        if (StateJson.Time(task, "dueDateTime") is { } due)
        {
            var overdue = percent < 100 && due < page.Now;
            html.Append(" <span class=\"chip").Append(overdue ? " chip-late" : string.Empty).Append("\">Due ").AppendDate(due)
                .Append(overdue ? " (late)" : string.Empty).Append("</span>");
        }

        html.Append("</p>");
        var description = StateJson.String(task, "description");
        if (!string.IsNullOrWhiteSpace(description))
        {
            html.Append("<p class=\"task-preview\">").AppendEncoded(HtmlText.Preview(description, PreviewLength)).Append("</p>");
        }

        var assignees = StateJson.Objects(task, "assignees");
        html.Append("<p class=\"task-people\">");
        if (assignees.Count == 0)
        {
            html.Append("<span class=\"muted\">Not assigned</span>");
        }

        foreach (var assignee in assignees)
        {
            var id = StateJson.String(assignee, "id");
            var name = StateJson.String(assignee, "displayName") is { Length: > 0 } shown ? shown : page.NameOf(id) ?? id ?? "Unknown user";
            html.Append("<span class=\"person\"><span class=\"avatar\" aria-hidden=\"true\">").AppendEncoded(Initials(name)).Append("</span>").AppendEncoded(name).Append("</span>");
        }

        html.Append("</p>");
        if (StateJson.Time(task, "createdDateTime") is { } created)
        {
            html.Append("<p class=\"task-created muted\">Created ").AppendTime(created).Append("</p>");
        }

        html.Append("</li>");
    }

    /// <summary>Up to two letters for the avatar, by text elements so that 林 or Ø stay whole.</summary>
    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var initials = words.Take(1).Concat(words.Skip(1).TakeLast(1))
            .Select(word => StringInfo.GetNextTextElementLength(word) is var length and > 0 ? word[..length] : string.Empty);
        var text = string.Concat(initials).ToUpperInvariant();
        return text.Length > 0 ? text : "?";
    }
}
