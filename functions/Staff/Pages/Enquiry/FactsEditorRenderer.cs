using System.Globalization;
using System.Text;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Extraction;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Staff.Enquiries;
using OnePointEntry.Text;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The facts editor: one field per fact (a list for a country or a choice, checkboxes for themes, a date picker for
/// dates), how sure the machine was of a value it read and the words it read it from (an unsure value says so in
/// words, so that it is checked), what the machine read beside a value staff changed, each field's value as shown in a hidden
/// <c>was.{field}</c> and the version in <c>version</c>, so the post says exactly what the person changed and on which version.
/// After a conflict, what is saved now is shown beside each value the person had changed.
/// </summary>
public sealed class FactsEditorRenderer(WorkspaceChoices choices)
{
    public const string ThemesId = "fact-themes";

    public static string IdOf(string fieldName) => fieldName == EnquiryFields.Themes.Name ? ThemesId : "fact-" + fieldName;

    public void Render(StringBuilder html, StaffEnquiryView view, PageVisit visit, EnquiryPageState state)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(state);
        var text = visit.Text;
        var version = state.Version ?? EnquiryETag.TagOf(view.ETag) ?? string.Empty;
        html.Append("<section aria-labelledby=\"facts-title\">\n<h2 id=\"facts-title\" tabindex=\"-1\">").Append(E(text["facts.heading"])).Append("</h2>\n")
            .Append("<p>").Append(E(text["facts.intro"])).Append("</p>\n");
        html.Append("<form method=\"post\" id=\"facts\" action=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Enquiry(view.Reference), text.Language)))
            .Append("\" accept-charset=\"utf-8\" novalidate>\n")
            .Append("<input type=\"hidden\" name=\"").Append(CorrectionFormReader.VersionField).Append("\" value=\"").Append(E(version)).Append("\">\n");
        foreach (var fact in view.Facts)
        {
            var value = state.Typed.TryGetValue(fact.Name, out var typed) ? typed : fact.Value ?? string.Empty;
            var was = state.Was is { } shown && shown.TryGetValue(fact.Name, out var before) ? before : fact.Value ?? string.Empty;
            Fact(html, text, view, fact, value, was, state);
        }

        html.Append("<button type=\"submit\" id=\"save-facts\">").Append(E(text["facts.save"])).Append("</button>\n</form>\n</section>\n");
    }

    private void Fact(StringBuilder html, WorkspaceText text, StaffEnquiryView view, FactView fact, string value, string was, EnquiryPageState state)
    {
        var id = IdOf(fact.Name);
        var label = fact.Labels.TryGetValue(text.Language, out var named) ? named : fact.Name;
        var error = state.ErrorAt(id);
        var notes = new List<(string Id, string Class, string Html)>();
        // A corrected fact no longer rests on what the machine read: its tag and "read by the machine" say so instead.
        var evidence = fact.Corrected ? [] : fact.Evidence;
        if (fact.Kind != nameof(EnquiryFieldKind.Themes) && evidence.Count > 0)
        {
            // Screening may have made the value what it is (a city's name as the gazetteer spells it): the evidence
            // then says what the machine read, so that it is not taken for evidence of the value shown.
            var readAs = string.Equals(evidence[0].Value, fact.Value, StringComparison.Ordinal)
                ? string.Empty
                : " " + E(text.Format("evidence.readAs", ("value", choices.Display(fact.Name, evidence[0].Value, text))));
            notes.Add((id + "-evidence", EvidenceClass(evidence[0]), EvidenceHtml(evidence[0], view, text) + readAs));
        }

        if (!string.Equals(fact.Read ?? string.Empty, fact.Value ?? string.Empty, StringComparison.Ordinal))
        {
            notes.Add((id + "-read", "read", E(text["facts.read"]) + ": " + E(choices.Display(fact.Name, fact.Read, text))));
        }

        if (AsWritten(view, fact.Name) is { } written && !string.Equals(written, fact.Value, StringComparison.Ordinal) && !string.Equals(written, fact.Read, StringComparison.Ordinal))
        {
            notes.Add((id + "-written", "read", E(text["facts.asWritten"]) + ": " + E(written)));
        }

        if (state.Conflicts.ContainsKey(fact.Name))
        {
            notes.Add((id + "-theirs", "theirs", E(text["conflict.savedNow"]) + ": <strong>" + E(choices.Display(fact.Name, fact.Value, text)) + "</strong>"));
        }

        var describedBy = notes.Select(note => note.Id).ToList();
        if (error is not null)
        {
            describedBy.Insert(0, id + "-error");
        }

        var aria = (describedBy.Count > 0 ? " aria-describedby=\"" + string.Join(' ', describedBy) + "\"" : string.Empty) + (error is not null ? " aria-invalid=\"true\"" : string.Empty);
        var corrected = fact.Corrected ? " <span class=\"tag\">" + E(text["facts.corrected"]) + "</span>" : string.Empty;
        if (fact.Kind == nameof(EnquiryFieldKind.Themes))
        {
            html.Append("<fieldset id=\"").Append(id).Append("\" tabindex=\"-1\"").Append(aria).Append(">\n<legend>").Append(E(label)).Append(corrected).Append("</legend>\n");
            ErrorText(html, id, error);
            var chosen = value.Split(EnquiryFieldValues.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var themes = choices.Themes(text.Language);
            var known = themes.Select(theme => theme.Id).ToHashSet(StringComparer.Ordinal);
            // Each theme's reason is tied to its checkbox; a theme the taxonomy no longer has is left out.
            var reasons = evidence.Where(entry => known.Contains(entry.Value)).ToDictionary(entry => entry.Value, StringComparer.Ordinal);
            html.Append("<div class=\"themes\">\n");
            foreach (var (themeId, name) in themes)
            {
                var box = id + "-" + themeId;
                html.Append("<div class=\"theme\"><input type=\"checkbox\" id=\"").Append(E(box)).Append("\" name=\"").Append(E(fact.Name)).Append("\" value=\"").Append(E(themeId)).Append('"')
                    .Append(reasons.ContainsKey(themeId) ? " aria-describedby=\"" + E(box) + "-evidence\"" : string.Empty)
                    .Append(chosen.Contains(themeId) ? " checked" : string.Empty).Append("><label for=\"").Append(E(box)).Append("\">").Append(E(name)).Append("</label></div>\n");
            }

            html.Append("</div>\n");
            ThemeEvidence(html, id, view, text, themes, reasons);
            Notes(html, notes);
            Was(html, fact.Name, was);
            html.Append("</fieldset>\n");
            return;
        }

        html.Append("<div class=\"field\">\n<label for=\"").Append(id).Append("\">").Append(E(label)).Append(corrected).Append("</label>\n");
        ErrorText(html, id, error);
        var common = " id=\"" + id + "\" name=\"" + E(fact.Name) + "\"" + aria;
        switch (fact.Kind)
        {
            case nameof(EnquiryFieldKind.Country):
                Select(html, common, value, text["facts.choose"], choices.Countries(text.Language));
                break;
            case nameof(EnquiryFieldKind.Choice):
                Select(html, common, value, text["facts.choose"], [.. fact.Choices.Select(choice => (choice, text.Or($"choice.{fact.Name}.{choice}", choice)))]);
                break;
            case nameof(EnquiryFieldKind.Date):
                html.Append("<input type=\"date\"").Append(common).Append(" value=\"").Append(E(value)).Append("\">\n");
                break;
            case nameof(EnquiryFieldKind.Size):
                html.Append("<input type=\"number\"").Append(common).Append(" min=\"").Append(EnquiryFieldLimits.MinDelegationSize.ToString(CultureInfo.InvariantCulture)).Append("\" max=\"").Append(fact.MaxLength.ToString(CultureInfo.InvariantCulture))
                    .Append("\" step=\"1\" inputmode=\"numeric\" value=\"").Append(E(value)).Append("\">\n");
                break;
            case nameof(EnquiryFieldKind.Language):
                html.Append("<input type=\"text\"").Append(common).Append(" maxlength=\"").Append(fact.MaxLength.ToString(CultureInfo.InvariantCulture))
                    .Append("\" autocomplete=\"off\" spellcheck=\"false\" value=\"").Append(E(value)).Append("\">\n");
                break;
            default:
                html.Append("<input type=\"text\"").Append(common).Append(" maxlength=\"").Append(fact.MaxLength.ToString(CultureInfo.InvariantCulture))
                    .Append("\" autocomplete=\"off\" value=\"").Append(E(value)).Append("\">\n");
                break;
        }

        Notes(html, notes);
        Was(html, fact.Name, was);
        html.Append("</div>\n");
    }

    // Why the machine chose each theme it read, in the taxonomy's order of the page's language.
    private static void ThemeEvidence(StringBuilder html, string id, StaffEnquiryView view, WorkspaceText text, IReadOnlyList<(string Id, string Name)> themes, Dictionary<string, EvidenceView> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        html.Append("<p class=\"evidence-title\" id=\"").Append(id).Append("-evidence\">").Append(E(text["evidence.themes"])).Append("</p>\n<ul class=\"evidence-list\">\n");
        foreach (var (themeId, name) in themes.Where(theme => reasons.ContainsKey(theme.Id)))
        {
            var reason = reasons[themeId];
            html.Append("<li class=\"").Append(EvidenceClass(reason)).Append("\" id=\"").Append(E(id + "-" + themeId)).Append("-evidence\"><span class=\"theme-name\">").Append(E(name)).Append("</span> – ")
                .Append(EvidenceHtml(reason, view, text)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string EvidenceClass(EvidenceView evidence) => evidence.Sure ? "evidence" : "evidence unsure";

    /// <summary>
    /// How sure the machine was, in words and as a percentage (an unsure value in bold and asking to be checked: the
    /// words carry it, not the colour), then the quoted words and where they stand, or why there are none.
    /// Every piece from the mail is encoded; the quote is made one line without invisible or direction-changing characters.
    /// </summary>
    private static string EvidenceHtml(EvidenceView evidence, StaffEnquiryView view, WorkspaceText text)
    {
        var percent = ((int)Math.Round(Math.Clamp(evidence.Confidence, 0, 1) * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append(evidence.Sure
            ? "<span class=\"confidence\">" + E(text.Format("evidence.sure", ("percent", percent))) + "</span>"
            : "<strong class=\"confidence\">" + E(text.Format("evidence.unsure", ("percent", percent))) + "</strong>");
        var part = text["evidence.part." + evidence.Part];
        if (view.AnonymisedAt is not null)
        {
            html.Append(": ").Append(E(part)).Append(" (").Append(E(text["evidence.erased"])).Append(')');
        }
        else if (string.IsNullOrWhiteSpace(evidence.Quote))
        {
            html.Append(": ").Append(E(text["evidence.inferred"]));
        }
        else
        {
            html.Append(": ").Append(E(text["evidence.readFrom"])).Append(" <q>").Append(E(DisplayText.SingleLine(evidence.Quote, FieldEvidence.MaxQuoteLength))).Append("</q> ").Append(E(part));
        }

        return html.ToString();
    }

    private static string? AsWritten(StaffEnquiryView view, string fieldName) => fieldName switch
    {
        "organisation" => view.OrganisationAsWritten,
        "country" => view.CountryAsWritten,
        "city" => view.CityAsWritten,
        _ => null,
    };

    private static void Select(StringBuilder html, string common, string value, string none, IReadOnlyList<(string Value, string Name)> options)
    {
        html.Append("<select").Append(common).Append(">\n<option value=\"\">").Append(E(none)).Append("</option>\n");
        var found = value.Length == 0;
        foreach (var (optionValue, name) in options)
        {
            var selected = optionValue.Equals(value, StringComparison.OrdinalIgnoreCase);
            found |= selected;
            html.Append("<option value=\"").Append(E(optionValue)).Append('"').Append(selected ? " selected" : string.Empty).Append('>').Append(E(name)).Append("</option>\n");
        }

        if (!found)
        {
            // A value the list does not hold (typed through the API) stays what it is until someone chooses another.
            html.Append("<option value=\"").Append(E(value)).Append("\" selected>").Append(E(value)).Append("</option>\n");
        }

        html.Append("</select>\n");
    }

    private static void ErrorText(StringBuilder html, string id, PageError? error)
    {
        if (error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(id).Append("-error\">").Append(E(error.Message)).Append("</p>\n");
        }
    }

    private static void Notes(StringBuilder html, List<(string Id, string Class, string Html)> notes)
    {
        foreach (var (id, cssClass, content) in notes)
        {
            html.Append("<p class=\"").Append(cssClass).Append("\" id=\"").Append(id).Append("\">").Append(content).Append("</p>\n");
        }
    }

    private static void Was(StringBuilder html, string name, string was) =>
        html.Append("<input type=\"hidden\" name=\"").Append(CorrectionFormReader.WasPrefix).Append(E(name)).Append("\" value=\"").Append(E(was)).Append("\">\n");
}
