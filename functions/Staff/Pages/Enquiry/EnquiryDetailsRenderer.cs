using System.Globalization;
using System.Text;
using OnePointEntry.Functions.Staff.Enquiries;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The parts of the enquiry's page that are read, not edited: where it stands, the sender and the acknowledgement,
/// the message (the mail as it came, or the form's text), the screening decision with its reasons, the messages
/// sent with links to what staff can open, and the audit.
/// </summary>
public sealed class EnquiryDetailsRenderer(WorkspaceChoices choices)
{
    public static void Summary(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<dl class=\"facts\" id=\"summary\">\n");
        Term(html, text["enquiry.status"], "<span id=\"status\">" + E(StatusLabel(view.Status, text)) + "</span>");
        if (view.WorkState is { } state)
        {
            Term(html, text["worklist.column.state"], E(text.Or($"state.{state}", state)));
        }

        Term(html, text["enquiry.received"], Time(view.ReceivedAt));
        Term(html, text["enquiry.source"], E(text.Or($"enquiry.source.{view.Source}", view.Source)));
        if (view.VisitDate is { } visit)
        {
            Term(html, text["enquiry.visitDate"], Day(visit));
        }

        if (view.ManualReviewReason is { Length: > 0 } reason)
        {
            Term(html, text["enquiry.manualReviewReason"], E(reason));
        }

        if (view.CutFields.Count > 0)
        {
            Term(html, text["enquiry.cutFields"], E(string.Join(", ", view.CutFields.Select(field => text.Or("cut." + field, WorkspaceChoices.Label(field, text.Language))))));
        }

        if (view.AnonymisedAt is { } erased)
        {
            Term(html, text["enquiry.anonymised"], Time(erased));
        }

        html.Append("</dl>\n");
    }

    public static string StatusLabel(string status, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Or($"status.{status}", status);
    }

    public static void Sender(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<section aria-labelledby=\"sender-title\">\n<h2 id=\"sender-title\">").Append(E(text["sender.heading"])).Append("</h2>\n<dl class=\"facts\" id=\"sender\">\n");
        Term(html, text["sender.name"], E(view.Sender.Name ?? text["facts.unknown"]));
        Term(html, text["sender.email"], E(view.Sender.Email ?? text["facts.unknown"]));
        Term(html, text["sender.phone"], E(view.Sender.Phone ?? text["facts.unknown"]));
        var acknowledgement = view.Deliveries.FirstOrDefault(delivery => delivery.Kind == "Acknowledgement");
        Term(
            html,
            text["deliveries.acknowledgement"],
            acknowledgement is null
                ? E(text["deliveries.none"])
                : "<span id=\"acknowledgement\">" + E(text.Or($"delivery.{acknowledgement.State}", acknowledgement.State)) + "</span> " + Time(acknowledgement.DeliveredAt));
        html.Append("</dl>\n</section>\n");
    }

    public static void Message(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<section aria-labelledby=\"message-title\">\n<h2 id=\"message-title\">").Append(E(text["message.heading"])).Append("</h2>\n");
        if (view.Original is { } mail)
        {
            html.Append("<dl class=\"facts\">\n");
            Term(html, text["message.from"], E(mail.From ?? text["facts.unknown"]));
            Term(html, text["message.subject"], E(mail.Subject ?? view.MailSubject ?? string.Empty));
            Term(html, text["message.date"], Time(mail.Date));
            html.Append("</dl>\n");
            if (mail.Forwarded.Count > 0)
            {
                html.Append("<h3>").Append(E(text["message.forwarded"])).Append("</h3>\n<ol id=\"forwarded\">\n");
                foreach (var forward in mail.Forwarded)
                {
                    html.Append("<li>").Append(E(forward.From ?? text["facts.unknown"]));
                    if (forward.Date is { Length: > 0 } date)
                    {
                        html.Append(", ").Append(E(date));
                    }

                    if (forward.Subject is { Length: > 0 } subject)
                    {
                        html.Append(": ").Append(E(subject));
                    }

                    html.Append("</li>\n");
                }

                html.Append("</ol>\n");
            }

            html.Append("<div class=\"message\" id=\"message\">").Append(E(mail.Text)).Append("</div>\n");
            if (mail.Truncated)
            {
                html.Append("<p>").Append(E(text["message.truncated"])).Append("</p>\n");
            }

            if (mail.SafeHtml is { Length: > 0 } safeHtml)
            {
                // Made safe already, and still kept away from the page: a sandboxed frame runs no script, submits no
                // form and is an origin of its own, and the page's policy forbids it to load anything.
                html.Append("<details>\n<summary>").Append(E(text["message.html"])).Append("</summary>\n<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"")
                    .Append(E(text["message.htmlFrame"])).Append("\" srcdoc=\"").Append(E(safeHtml)).Append("\"></iframe>\n</details>\n");
            }

            html.Append("<h3>").Append(E(text["message.attachments"])).Append("</h3>\n");
            if (mail.Attachments.Count == 0)
            {
                html.Append("<p>").Append(E(text["message.noAttachments"])).Append("</p>\n");
            }
            else
            {
                html.Append("<ul id=\"attachments\">\n");
                foreach (var attachment in mail.Attachments)
                {
                    html.Append("<li>").Append(E(attachment.FileName)).Append(" (").Append(E(attachment.ContentType));
                    if (attachment.Size is { } size)
                    {
                        html.Append(", ").Append(E(Size(size)));
                    }

                    html.Append(")</li>\n");
                }

                html.Append("</ul>\n");
            }
        }
        else if (view.AnonymisedAt is not null && view.Purpose.Length == 0)
        {
            html.Append("<p>").Append(E(text["message.erased"])).Append("</p>\n");
        }
        else
        {
            if (view.MailSubject is { Length: > 0 } subject)
            {
                html.Append("<dl class=\"facts\">\n");
                Term(html, text["message.subject"], E(subject));
                html.Append("</dl>\n");
            }

            html.Append("<h3>").Append(E(text["message.purpose"])).Append("</h3>\n<div class=\"message\" id=\"message\">").Append(E(view.Purpose)).Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    public void Decision(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<section aria-labelledby=\"decision-title\">\n<h2 id=\"decision-title\">").Append(E(text["decision.heading"])).Append("</h2>\n");
        if (view.Decision is not { } decision)
        {
            html.Append("<p>").Append(E(text["decision.none"])).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<dl class=\"facts\" id=\"decision\">\n");
        Term(html, text["decision.outcome"], E(text.Or($"decision.outcome.{decision.Outcome}", decision.Outcome.ToString())));
        if (decision.Screener is { } screener)
        {
            Term(html, text["decision.screener"], E(screener.StaffName ?? screener.StaffId ?? text["facts.unknown"]));
            if (screener.Reasons.Count > 0)
            {
                Term(html, text["decision.reasons"], List(screener.Reasons));
            }
        }

        if (decision.ManualReviewReason is { Length: > 0 } manual)
        {
            Term(html, text["enquiry.manualReviewReason"], E(manual));
        }

        Term(html, text["decision.deadline"], Time(decision.Deadline));
        Term(
            html,
            text["decision.priority"],
            E(text.Or($"decision.priority.{decision.Priority.Level}", decision.Priority.Level.ToString())) + List(decision.Priority.Factors.Select(factor => factor.Reason)));
        if (decision.ContentSignals.Count > 0)
        {
            Term(html, text["decision.signals"], List(decision.ContentSignals));
        }

        html.Append("</dl>\n<h3>").Append(E(text["decision.partners"])).Append("</h3>\n");
        if (decision.Partners.Count == 0)
        {
            html.Append("<p>").Append(E(text["decision.noPartners"])).Append("</p>\n");
        }
        else
        {
            html.Append("<ol id=\"partners\">\n");
            foreach (var partner in decision.Partners)
            {
                html.Append("<li><strong>").Append(E(partner.Name)).Append("</strong>");
                if (partner.MatchedThemes.Count > 0)
                {
                    html.Append(" (").Append(E(string.Join(", ", partner.MatchedThemes.Select(theme => choices.ThemeName(theme, text.Language))))).Append(')');
                }

                html.Append(List(partner.Reasons)).Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>\n");
    }

    public static void Deliveries(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<section aria-labelledby=\"deliveries-title\">\n<h2 id=\"deliveries-title\">").Append(E(text["deliveries.heading"])).Append("</h2>\n");
        if (view.Deliveries.Count == 0)
        {
            html.Append("<p>").Append(E(text["deliveries.none"])).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"deliveries\" aria-labelledby=\"deliveries-title\">\n<thead>\n<tr>");
        foreach (var column in new[] { "kind", "recipient", "state", "attempts", "deliveredAt", "open" })
        {
            html.Append("<th scope=\"col\">").Append(E(text[$"deliveries.{column}"])).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var delivery in view.Deliveries)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(text.Or($"kind.{delivery.Kind}", delivery.Kind))).Append("</th>")
                .Append("<td>").Append(E(delivery.Recipient)).Append("</td>")
                .Append("<td>").Append(E(text.Or($"delivery.{delivery.State}", delivery.State)));
            if (delivery.LastError is { Length: > 0 } error && delivery.State != "Delivered")
            {
                html.Append("<br><span class=\"hint\">").Append(E(text["deliveries.lastError"])).Append(": ").Append(E(error)).Append("</span>");
            }

            html.Append("</td><td>").Append(delivery.Attempts.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(Time(delivery.DeliveredAt)).Append("</td><td>");
            if (delivery.Link is { } link && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
            {
                var label = delivery.Kind == "ScreeningTask" ? text["deliveries.openTask"] : text["deliveries.openEvent"];
                html.Append("<a href=\"").Append(E(link.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">").Append(E(label)).Append("</a>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public void History(StringBuilder html, StaffEnquiryView view, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<section aria-labelledby=\"history-title\">\n<h2 id=\"history-title\">").Append(E(text["history.heading"])).Append("</h2>\n");
        if (view.History.Count == 0)
        {
            html.Append("<p>").Append(E(text["history.none"])).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<table id=\"history\" aria-labelledby=\"history-title\">\n<thead>\n<tr><th scope=\"col\">").Append(E(text["history.at"])).Append("</th><th scope=\"col\">")
            .Append(E(text["history.by"])).Append("</th><th scope=\"col\">").Append(E(text["history.what"])).Append("</th></tr>\n</thead>\n<tbody>\n");
        foreach (var entry in view.History)
        {
            html.Append("<tr><td>").Append(Time(entry.At)).Append("</td><td>").Append(E(entry.By)).Append("</td><td>");
            if (entry.Kind == "correction" && entry.Field is { } field)
            {
                // The audit also records what is not a fact (the screener, the enquiry counted instead): named by the pages' texts.
                var label = WorkspaceChoices.Label(field, text.Language);
                html.Append(E(text.Format(
                    "history.correction",
                    ("field", label == field ? text.Or($"history.field.{field}", field) : label),
                    ("before", choices.Display(field, entry.Before, text)),
                    ("after", choices.Display(field, entry.After, text)))));
            }
            else
            {
                html.Append(E(text.Format("history.status", ("from", StatusLabel(entry.From ?? string.Empty, text)), ("to", StatusLabel(entry.To ?? string.Empty, text)))));
                if (entry.Note is { Length: > 0 } note)
                {
                    html.Append("<br>").Append(E(text["history.note"])).Append(": ").Append(E(note));
                }
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Term(StringBuilder html, string term, string definitionHtml) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(definitionHtml).Append("</dd>\n");

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? string.Empty : "<ul>" + string.Concat(list.Select(item => "<li>" + E(item) + "</li>")) + "</ul>";
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} kB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
