using System.Globalization;
using System.Text;
using OnePointEntry.Workspace;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages.Worklist;

/// <summary>
/// The worklist page: how much work there is in each state (each a link to its list), the filter form, the chosen
/// state's enquiries as the worklist orders them (soonest due first) and the links between pages. Filters that
/// cannot be used are named at the top, at their fields, and nothing is listed.
/// </summary>
public sealed class WorklistPageRenderer(WorkspaceChoices choices)
{
    /// <param name="screeners">The staff directory's people, by id, to filter by (their names shown).</param>
    public string Render(PageVisit visit, WorklistFilters filters, WorklistPage? page, IReadOnlyList<(string Id, string Name)> screeners, IReadOnlyList<PageError> errors, string nonce)
    {
        ArgumentNullException.ThrowIfNull(screeners);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(errors);
        var text = visit.Text;
        var html = new StringBuilder(32 * 1024);
        var title = (errors.Count > 0 ? text["page.errorTitlePrefix"] : string.Empty) + text["worklist.title"];
        WorkspaceLayout.Open(html, text, title, nonce, filters.Here(), visit, onWorklist: true);
        html.Append("<h1>").Append(E(text["worklist.heading"])).Append("</h1>\n");
        WorkspaceLayout.ErrorSummary(html, text, errors, "worklist.invalid", "worklist.invalid.intro");
        if (page is not null)
        {
            Counts(html, text, filters, page);
        }

        Filters(html, text, filters, screeners, errors);
        if (page is not null)
        {
            Entries(html, text, filters, page);
        }

        WorkspaceLayout.Close(html, text);
        return html.ToString();
    }

    private static void Counts(StringBuilder html, WorkspaceText text, WorklistFilters filters, WorklistPage page)
    {
        html.Append("<nav aria-labelledby=\"counts-title\">\n<h2 id=\"counts-title\" class=\"visually-hidden\">").Append(E(text["worklist.countsLabel"])).Append("</h2>\n<ul class=\"counts\">\n");
        html.Append("<li><a id=\"count-all\" href=\"").Append(E(filters.Link(text.Language, null))).Append('"');
        if (filters.State.Length == 0)
        {
            html.Append(" aria-current=\"page\"");
        }

        html.Append("><span class=\"count\">").Append(page.Counts.Values.Sum().ToString(CultureInfo.InvariantCulture)).Append("</span> ")
            .Append(E(text["worklist.allStates"])).Append("</a></li>\n");
        foreach (var state in Enum.GetValues<WorkState>())
        {
            var name = state.ToString();
            html.Append("<li><a id=\"count-").Append(name).Append("\" href=\"").Append(E(filters.Link(text.Language, name))).Append('"');
            if (filters.State.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                html.Append(" aria-current=\"page\"");
            }

            html.Append("><span class=\"count\">").Append((page.Counts.TryGetValue(state, out var count) ? count : 0).ToString(CultureInfo.InvariantCulture))
                .Append("</span> ").Append(E(text[$"state.{name}"])).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n");
    }

    private void Filters(StringBuilder html, WorkspaceText text, WorklistFilters filters, IReadOnlyList<(string Id, string Name)> screeners, IReadOnlyList<PageError> errors)
    {
        html.Append("<form method=\"get\" action=\"").Append(WorkspacePaths.Worklist).Append("\" id=\"filters\" role=\"search\" aria-labelledby=\"filters-title\">\n")
            .Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(E(text.Language)).Append("\">\n")
            .Append("<fieldset>\n<legend id=\"filters-title\">").Append(E(text["worklist.filters"])).Append("</legend>\n<div class=\"filters\">\n");

        var states = Enum.GetNames<WorkState>().Select(name => (name, text[$"state.{name}"])).ToList();
        Select(html, errors, "state", text["worklist.state"], filters.State, states, text["worklist.allStates"]);
        Input(html, text, errors, "q", "search", text["worklist.q"], filters.Search, text["worklist.q.hint"]);
        // Someone no longer in the directory may still screen open enquiries: a filter by them stays choosable.
        var people = screeners.Select(person => (person.Id, person.Name)).ToList();
        if (filters.Screener.Length > 0 && !people.Exists(person => person.Id.Equals(filters.Screener, StringComparison.OrdinalIgnoreCase)))
        {
            people.Add((filters.Screener, filters.Screener));
        }

        Select(html, errors, "screener", text["worklist.screener"], filters.Screener, people, text["worklist.any"]);
        Select(html, errors, "country", text["worklist.country"], filters.Country.ToUpperInvariant(), choices.Countries(text.Language), text["worklist.any"]);
        Select(html, errors, "theme", text["worklist.theme"], filters.Theme.ToLowerInvariant(), choices.Themes(text.Language), text["worklist.any"]);
        Input(html, text, errors, "month", "month", text["worklist.month"], filters.Month, text["worklist.month.hint"]);
        html.Append("</div>\n<div class=\"actions-row\"><button type=\"submit\" id=\"apply-filters\">").Append(E(text["worklist.apply"])).Append("</button>\n<a href=\"")
            .Append(E(WorkspacePaths.With(WorkspacePaths.Worklist, text.Language))).Append("\">").Append(E(text["worklist.clear"])).Append("</a></div>\n</fieldset>\n</form>\n");
    }

    private static void Label(StringBuilder html, string id, string label, string? hint, PageError? error)
    {
        html.Append("<div class=\"field\">\n<label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>\n");
        if (hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(id).Append("-hint\">").Append(E(hint)).Append("</p>\n");
        }

        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(id).Append("-error\">").Append(E(error.Message)).Append("</p>\n");
        }
    }

    private static string Described(string id, string? hint, PageError? error)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(id + "-hint");
        }

        if (error is not null)
        {
            ids.Add(id + "-error");
        }

        return (ids.Count > 0 ? " aria-describedby=\"" + string.Join(' ', ids) + "\"" : string.Empty) + (error is not null ? " aria-invalid=\"true\"" : string.Empty);
    }

    private static void Input(StringBuilder html, WorkspaceText text, IReadOnlyList<PageError> errors, string name, string type, string label, string value, string? hint)
    {
        var id = "filter-" + name;
        var error = errors.FirstOrDefault(candidate => candidate.Target == id);
        Label(html, id, label, hint, error);
        html.Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Append(name).Append('"').Append(Described(id, hint, error));
        if (type == "month")
        {
            // Browsers without a month picker show a text field: the pattern says what it takes.
            html.Append(" pattern=\"[0-9]{4}-[0-9]{2}\" placeholder=\"").Append(text.Language == WorkspaceLanguage.Danish ? "åååå-mm" : "yyyy-mm").Append('"');
        }

        html.Append(" maxlength=\"200\" value=\"").Append(E(value)).Append("\">\n</div>\n");
    }

    private static void Select(StringBuilder html, IReadOnlyList<PageError> errors, string name, string label, string value, IReadOnlyList<(string Value, string Name)> options, string any)
    {
        var id = "filter-" + name;
        var error = errors.FirstOrDefault(candidate => candidate.Target == id);
        Label(html, id, label, null, error);
        html.Append("<select id=\"").Append(id).Append("\" name=\"").Append(name).Append('"').Append(Described(id, null, error)).Append(">\n<option value=\"\">").Append(E(any)).Append("</option>\n");
        foreach (var (optionValue, optionName) in options)
        {
            html.Append("<option value=\"").Append(E(optionValue)).Append('"');
            if (optionValue.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                html.Append(" selected");
            }

            html.Append('>').Append(E(optionName)).Append("</option>\n");
        }

        html.Append("</select>\n</div>\n");
    }

    private void Entries(StringBuilder html, WorkspaceText text, WorklistFilters filters, WorklistPage page)
    {
        html.Append("<h2 id=\"results-title\">").Append(E(text["worklist.results"])).Append("</h2>\n");
        html.Append("<p id=\"total\">").Append(E(page.Total == 0 ? text["worklist.none"] : text.Format("worklist.total", ("count", page.Total)))).Append("</p>\n");
        if (page.Entries.Count == 0)
        {
            return;
        }

        html.Append("<table id=\"worklist\" aria-labelledby=\"results-title\">\n<thead>\n<tr>");
        foreach (var column in new[] { "reference", "state", "organisation", "country", "received", "due", "screener" })
        {
            html.Append("<th scope=\"col\">").Append(E(text[$"worklist.column.{column}"])).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var entry in page.Entries)
        {
            var reference = entry.Reference.ToString();
            html.Append("<tr><th scope=\"row\"><a class=\"reference\" href=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Enquiry(reference), text.Language))).Append("\">")
                .Append(E(reference)).Append("</a></th>")
                .Append("<td>").Append(E(text[$"state.{entry.State}"])).Append("</td>")
                .Append("<td>").Append(E(entry.Organisation)).Append("</td>")
                .Append("<td>").Append(E(entry.CountryCode is null ? text["facts.unknown"] : choices.CountryName(entry.CountryCode, text.Language))).Append("</td>")
                .Append("<td>").Append(Time(entry.ReceivedAt)).Append("</td>")
                .Append("<td>").Append(Time(entry.Due)).Append("</td>")
                .Append("<td>").Append(E(entry.ScreenerId)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (page.PageCount > 1)
        {
            var state = filters.State.Length > 0 ? filters.State : null;
            html.Append("<nav aria-label=\"").Append(E(text["worklist.paging"])).Append("\">\n<ul class=\"paging\">\n");
            if (page.Page > 1)
            {
                html.Append("<li><a rel=\"prev\" href=\"").Append(E(filters.Link(text.Language, state, page.Page - 1))).Append("\">").Append(E(text["worklist.previous"])).Append("</a></li>\n");
            }

            html.Append("<li aria-current=\"page\">").Append(E(text.Format("worklist.page", ("page", page.Page), ("pages", page.PageCount)))).Append("</li>\n");
            if (page.Page < page.PageCount)
            {
                html.Append("<li><a rel=\"next\" href=\"").Append(E(filters.Link(text.Language, state, page.Page + 1))).Append("\">").Append(E(text["worklist.next"])).Append("</a></li>\n");
            }

            html.Append("</ul>\n</nav>\n");
        }
    }
}
