using System.Text;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.Pages.Actions;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The enquiry's page: where it stands, the notice or what is wrong, the facts editor beside the message and the
/// sender, the forms that move it on, the screening decision, the messages sent and the audit.
/// </summary>
public sealed class EnquiryPageRenderer(FactsEditorRenderer facts, EnquiryDetailsRenderer details, WorkspaceChoices choices)
{
    public string Render(StaffEnquiryView view, PageVisit visit, EnquiryPageState state, string nonce)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(state);
        var text = visit.Text;
        var html = new StringBuilder(64 * 1024);
        var heading = text.Format("enquiry.title", ("reference", view.Reference));
        var title = (state.Errors.Count > 0 || state.Conflicts.Count > 0 ? text["page.errorTitlePrefix"] : string.Empty) + heading;
        WorkspaceLayout.Open(html, text, title, nonce, WorkspacePaths.Enquiry(view.Reference), visit);
        html.Append("<h1>").Append(E(heading)).Append("</h1>\n");
        if (state.Done is { } done && EnquiryPageState.Notices.Contains(done) && state.Errors.Count == 0)
        {
            html.Append("<p class=\"notice\" id=\"notice\" role=\"status\">").Append(E(text[$"done.{done}"])).Append("</p>\n");
        }

        if (state.Conflicts.Count > 0)
        {
            Conflict(html, view, text, state);
        }

        WorkspaceLayout.ErrorSummary(html, text, state.Errors);
        EnquiryDetailsRenderer.Summary(html, view, text);
        html.Append("<div class=\"columns\">\n<div>\n");
        facts.Render(html, view, visit, state);
        html.Append("</div>\n<div>\n");
        EnquiryDetailsRenderer.Message(html, view, text);
        EnquiryDetailsRenderer.Sender(html, view, text);
        html.Append("</div>\n</div>\n");
        ActionFormsRenderer.Render(html, view, visit, state);
        details.Decision(html, view, text);
        EnquiryDetailsRenderer.Deliveries(html, view, text);
        details.History(html, view, text);
        WorkspaceLayout.Close(html, text);
        return html.ToString();
    }

    private void Conflict(StringBuilder html, StaffEnquiryView view, WorkspaceText text, EnquiryPageState state)
    {
        html.Append("<div class=\"conflict\" id=\"conflict\" tabindex=\"-1\" autofocus aria-labelledby=\"conflict-title\">\n<h2 id=\"conflict-title\">").Append(E(text["conflict.title"])).Append("</h2>\n")
            .Append("<p>").Append(E(text["conflict.intro"])).Append("</p>\n<table id=\"conflict-values\" aria-labelledby=\"conflict-title\">\n<thead>\n<tr><th scope=\"col\">")
            .Append(E(text["conflict.field"])).Append("</th><th scope=\"col\">").Append(E(text["conflict.yours"])).Append("</th><th scope=\"col\">").Append(E(text["conflict.saved"]))
            .Append("</th></tr>\n</thead>\n<tbody>\n");
        foreach (var fact in view.Facts.Where(fact => state.Conflicts.ContainsKey(fact.Name)))
        {
            html.Append("<tr><th scope=\"row\"><a href=\"#").Append(FactsEditorRenderer.IdOf(fact.Name)).Append("\">").Append(E(WorkspaceChoices.Label(fact.Name, text.Language))).Append("</a></th><td>")
                .Append(E(choices.Display(fact.Name, state.Conflicts[fact.Name], text))).Append("</td><td>").Append(E(choices.Display(fact.Name, fact.Value, text))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }
}
