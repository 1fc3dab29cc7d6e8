using System.Text;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Functions.Staff.Pages.Enquiry;
using OnePointEntry.Functions.Staff.SignIn;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages.Actions;

/// <summary>
/// The forms that move an enquiry on: a status change (to the statuses staff may set from here, with a note and the
/// visit's day), routing again (where the status allows it) and, for team leads only, giving the screening to
/// another screener and erasing the personal data behind a confirmation.
/// </summary>
public static class ActionFormsRenderer
{
    public const string StatusId = "status-to";
    public const string NoteId = "status-note";
    public const string VisitDateId = "status-visitDate";
    public const string RerouteId = "reroute";
    public const string ConfirmId = "erase-confirm";
    public const string SameAsId = "same-as";
    public const string ScreenerId = "reassign-screener";

    /// <summary>Whether routing again can start from <paramref name="status"/> (it moves the enquiry back to screened and queues it).</summary>
    public static bool CanReroute(string status) =>
        Enum.TryParse<EnquiryStatus>(status, out var parsed)
        && (parsed == EnquiryStatus.Screened || EnquiryLifecycle.CanChange(parsed, EnquiryStatus.Screened));

    public static void Render(StringBuilder html, StaffEnquiryView view, PageVisit visit, EnquiryPageState state)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(state);
        var text = visit.Text;
        html.Append("<section aria-labelledby=\"actions-title\">\n<h2 id=\"actions-title\" tabindex=\"-1\">").Append(E(text["actions.heading"])).Append("</h2>\n");
        Status(html, view, text, state);
        if (CanReroute(view.Status))
        {
            html.Append("<section class=\"action\" aria-labelledby=\"reroute-title\">\n<h3 id=\"reroute-title\">").Append(E(text["reroute.heading"])).Append("</h3>\n")
                .Append("<p id=\"reroute-intro\">").Append(E(text["reroute.intro"])).Append("</p>\n")
                .Append("<form method=\"post\" action=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Action(view.Reference, WorkspacePaths.RerouteAction), text.Language))).Append("\">\n")
                .Append("<button type=\"submit\" id=\"").Append(RerouteId).Append("\" aria-describedby=\"reroute-intro\">").Append(E(text["reroute.submit"])).Append("</button>\n</form>\n</section>\n");
        }

        SameDelegation(html, view, text, state);
        if (visit.Staff.Holds(StaffRole.TeamLead))
        {
            if (view.CanReassign && state.Screeners.Count > 0)
            {
                Reassign(html, view, text, state);
            }

            Erase(html, view, text, state);
        }

        html.Append("</section>\n");
    }

    private static void Status(StringBuilder html, StaffEnquiryView view, WorkspaceText text, EnquiryPageState state)
    {
        html.Append("<section class=\"action\" aria-labelledby=\"status-title\">\n<h3 id=\"status-title\">").Append(E(text["status.heading"])).Append("</h3>\n");
        if (view.NextStatuses.Count == 0)
        {
            html.Append("<p>").Append(E(text["status.noneAllowed"])).Append("</p>\n</section>\n");
            return;
        }

        string Typed(string name) => state.StatusTyped.TryGetValue(name, out var value) ? value : string.Empty;
        html.Append("<form method=\"post\" id=\"status-form\" action=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Action(view.Reference, WorkspacePaths.StatusAction), text.Language)))
            .Append("\" accept-charset=\"utf-8\" novalidate>\n");
        Open(html, StatusId, text["status.to"], state.ErrorAt(StatusId));
        html.Append("<select").Append(Attributes(StatusId, "status", state.ErrorAt(StatusId))).Append(" required>\n<option value=\"\">").Append(E(text["status.choose"])).Append("</option>\n");
        foreach (var next in view.NextStatuses)
        {
            html.Append("<option value=\"").Append(E(next)).Append('"').Append(next == Typed("status") ? " selected" : string.Empty).Append('>')
                .Append(E(EnquiryDetailsRenderer.StatusLabel(next, text))).Append("</option>\n");
        }

        html.Append("</select>\n</div>\n");
        Open(html, NoteId, text["status.note"], state.ErrorAt(NoteId));
        html.Append("<textarea").Append(Attributes(NoteId, "note", state.ErrorAt(NoteId))).Append(" rows=\"3\" maxlength=\"2000\">\n").Append(E(Typed("note"))).Append("</textarea>\n</div>\n");
        Open(html, VisitDateId, text["status.visitDate"], state.ErrorAt(VisitDateId));
        html.Append("<input type=\"date\"").Append(Attributes(VisitDateId, "visitDate", state.ErrorAt(VisitDateId))).Append(" value=\"")
            .Append(E(Typed("visitDate").Length > 0 ? Typed("visitDate") : view.VisitDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).Append("\">\n</div>\n");
        html.Append("<button type=\"submit\" id=\"status-submit\">").Append(E(text["status.submit"])).Append("</button>\n</form>\n</section>\n");
    }

    private static void SameDelegation(StringBuilder html, StaffEnquiryView view, WorkspaceText text, EnquiryPageState state)
    {
        html.Append("<section class=\"action\" aria-labelledby=\"same-title\">\n<h3 id=\"same-title\">").Append(E(text["same.heading"])).Append("</h3>\n");
        var action = E(WorkspacePaths.With(WorkspacePaths.Action(view.Reference, WorkspacePaths.SameDelegationAction), text.Language));
        if (view.SameDelegationAs is { } counted)
        {
            // Marked: say which enquiry counts, and offer to count this one again.
            html.Append("<p id=\"same-counted\">").Append(E(text["same.counted"])).Append(" <a href=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Enquiry(counted), text.Language))).Append("\">")
                .Append(E(counted)).Append("</a></p>\n<form method=\"post\" action=\"").Append(action).Append("\">\n<input type=\"hidden\" name=\"sameAs\" value=\"\">\n")
                .Append("<button type=\"submit\" id=\"same-undo\" aria-describedby=\"same-counted\">").Append(E(text["same.undo"])).Append("</button>\n</form>\n</section>\n");
            return;
        }

        var error = state.ErrorAt(SameAsId);
        html.Append("<p id=\"same-intro\">").Append(E(text["same.intro"])).Append("</p>\n<form method=\"post\" id=\"same-form\" action=\"").Append(action).Append("\" accept-charset=\"utf-8\" novalidate>\n");
        Open(html, SameAsId, text["same.label"], error);
        html.Append("<input type=\"text\"").Append(Attributes(SameAsId, "sameAs", error)).Append(" maxlength=\"20\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"OPE-2611-7K3F\" value=\"")
            .Append(E(state.StatusTyped.TryGetValue("sameAs", out var typed) ? typed : string.Empty)).Append("\">\n</div>\n")
            .Append("<button type=\"submit\" id=\"same-submit\" aria-describedby=\"same-intro\">").Append(E(text["same.submit"])).Append("</button>\n</form>\n</section>\n");
    }

    private static void Reassign(StringBuilder html, StaffEnquiryView view, WorkspaceText text, EnquiryPageState state)
    {
        var error = state.ErrorAt(ScreenerId);
        var current = view.Decision?.Screener?.StaffId;
        var chosen = state.StatusTyped.TryGetValue("screener", out var typed) ? typed : current;
        html.Append("<section class=\"action\" aria-labelledby=\"reassign-title\">\n<h3 id=\"reassign-title\">").Append(E(text["reassign.heading"])).Append("</h3>\n")
            .Append("<p id=\"reassign-intro\">").Append(E(text["reassign.intro"])).Append("</p>\n")
            .Append("<form method=\"post\" id=\"reassign-form\" action=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Action(view.Reference, WorkspacePaths.ReassignAction), text.Language)))
            .Append("\" accept-charset=\"utf-8\" novalidate>\n");
        Open(html, ScreenerId, text["reassign.label"], error);
        html.Append("<select").Append(Attributes(ScreenerId, "screener", error)).Append(" required>\n<option value=\"\">").Append(E(text["reassign.choose"])).Append("</option>\n");
        foreach (var (id, name) in state.Screeners)
        {
            html.Append("<option value=\"").Append(E(id)).Append('"').Append(string.Equals(id, chosen, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>')
                .Append(E(name)).Append("</option>\n");
        }

        html.Append("</select>\n</div>\n<button type=\"submit\" id=\"reassign-submit\" aria-describedby=\"reassign-intro\">").Append(E(text["reassign.submit"])).Append("</button>\n</form>\n</section>\n");
    }

    private static void Erase(StringBuilder html, StaffEnquiryView view, WorkspaceText text, EnquiryPageState state)
    {
        html.Append("<section class=\"action\" aria-labelledby=\"erase-title\">\n<h3 id=\"erase-title\">").Append(E(text["erase.heading"])).Append("</h3>\n");
        if (view.AnonymisedAt is { } erased)
        {
            html.Append("<p id=\"erased\">").Append(E(text.Format("erase.done", ("date", CopenhagenTime.ToCopenhagen(erased).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))))).Append("</p>\n</section>\n");
            return;
        }

        var error = state.ErrorAt(ConfirmId);
        html.Append("<p id=\"erase-intro\">").Append(E(text["erase.intro"])).Append("</p>\n")
            .Append("<form method=\"post\" id=\"erase-form\" action=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Action(view.Reference, WorkspacePaths.EraseAction), text.Language))).Append("\" novalidate>\n");
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(ConfirmId).Append("-error\">").Append(E(error.Message)).Append("</p>\n");
        }

        html.Append("<div class=\"check\"><input type=\"checkbox\" id=\"").Append(ConfirmId).Append("\" name=\"confirm\" value=\"yes\" required")
            .Append(error is not null ? " aria-invalid=\"true\" aria-describedby=\"" + ConfirmId + "-error erase-intro\"" : " aria-describedby=\"erase-intro\"")
            .Append("><label for=\"").Append(ConfirmId).Append("\">").Append(E(text["erase.confirm"])).Append("</label></div>\n")
            .Append("<button type=\"submit\" class=\"danger\" id=\"erase-submit\">").Append(E(text["erase.submit"])).Append("</button>\n</form>\n</section>\n");
    }

    private static void Open(StringBuilder html, string id, string label, PageError? error)
    {
        html.Append("<div class=\"field\">\n<label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>\n");
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(id).Append("-error\">").Append(E(error.Message)).Append("</p>\n");
        }
    }

    private static string Attributes(string id, string name, PageError? error) =>
        " id=\"" + id + "\" name=\"" + name + "\"" + (error is not null ? " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"" : string.Empty);
}
