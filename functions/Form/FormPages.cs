using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Themes;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// Renders the web form and the page shown after sending it, in one language. Every value that comes from
/// a request, and every text, is HTML-encoded where it is written; the only unencoded markup is this
/// class's own.
/// </summary>
public sealed class FormPages(CountryDirectory countries, ThemeTaxonomy themes)
{
    /// <summary>Where the form posts, relative to the page (<c>/api/form</c>), so it works under any base path.</summary>
    public const string SubmitPath = "enquiries";

    /// <summary>The form page, relative to <c>/api/enquiries</c> where the result page is shown.</summary>
    public const string FormPath = "form";

    // Encodes the five HTML-significant characters and controls, and leaves Danish and Chinese letters as
    // they are (the page is UTF-8), so the page stays readable and small.
    private const string ThemesGroupId = "themes-group";

    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IReadOnlyList<(string Code, string Name)>> _countryOptions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string RenderForm(FormText text, FormPageState state, string nonce)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        var html = new StringBuilder(64 * 1024);
        var title = state.Errors.Count > 0 ? text["page.errorTitlePrefix"] + text["page.title"] : text["page.title"];
        Open(html, text, title, nonce);
        html.Append("<h1>").Append(E(text["page.heading"])).Append("</h1>\n");
        html.Append("<p id=\"intro\">").Append(E(text["page.intro"])).Append("</p>\n");
        ErrorSummary(html, text, state.Errors);
        html.Append("<div id=\"announcer\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></div>\n");
        html.Append("<form id=\"enquiry-form\" method=\"post\" action=\"").Append(SubmitPath)
            .Append("\" accept-charset=\"utf-8\" novalidate>\n");
        html.Append("<input type=\"hidden\" name=\"").Append(EnquiryFormFields.Language).Append("\" value=\"").Append(E(text.Language)).Append("\">\n");
        html.Append("<p>").Append(E(text["page.requiredNote"])).Append("</p>\n");
        foreach (var (sectionKey, fields) in FormFields.Sections)
        {
            html.Append("<fieldset>\n<legend>").Append(E(text[sectionKey])).Append("</legend>\n");
            foreach (var field in fields)
            {
                Field(html, text, field, state);
            }

            html.Append("</fieldset>\n");
        }

        // The honeypot: off-screen, out of the tab order and hidden from assistive technology, so only a
        // bot that fills in every field it finds fills it in.
        html.Append("<div class=\"honeypot\" aria-hidden=\"true\">\n<label for=\"").Append(EnquiryFormFields.Website).Append("\">")
            .Append(E(text["field.website.label"])).Append("</label>\n<input type=\"text\" id=\"").Append(EnquiryFormFields.Website)
            .Append("\" name=\"").Append(EnquiryFormFields.Website).Append("\" tabindex=\"-1\" autocomplete=\"off\" value=\"\">\n</div>\n");
        html.Append("<button type=\"submit\" id=\"send\">").Append(E(text["form.submit"])).Append("</button>\n</form>\n");
        Result(html, text, reference: null);
        Close(html, text, nonce, Config(text));
        return html.ToString();
    }

    public static string RenderResult(FormText text, EnquiryReference reference, string nonce)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder(8 * 1024);
        Open(html, text, text["result.title"], nonce);
        Result(html, text, reference.ToString());
        Close(html, text, nonce, config: null);
        return html.ToString();
    }

    private static string E(string? value) => value is null ? string.Empty : s_encoder.Encode(value);

    private static void Open(StringBuilder html, FormText text, string title, string nonce)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(FormLanguage.HtmlTag(text.Language)).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<style nonce=\"").Append(E(nonce)).Append("\">\n").Append(FormAssets.Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<p class=\"brand\">One-Point Entry · Greater Copenhagen</p>\n<nav aria-label=\"").Append(E(text["switcher.label"]))
            .Append("\">\n<ul class=\"languages\">\n");
        foreach (var language in FormLanguage.All)
        {
            var other = FormTexts.For(language);
            html.Append("<li><a href=\"").Append(FormPath).Append("?lang=").Append(language).Append("\" lang=\"").Append(FormLanguage.HtmlTag(language))
                .Append("\" hreflang=\"").Append(FormLanguage.HtmlTag(language)).Append('"');
            if (language == text.Language)
            {
                html.Append(" aria-current=\"true\"");
            }

            html.Append('>').Append(E(other["language.name"])).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n</header>\n<main id=\"main\">\n");
    }

    private static void Close(StringBuilder html, FormText text, string nonce, string? config)
    {
        html.Append("</main>\n<footer>\n<p>").Append(E(text["page.footer"])).Append("</p>\n</footer>\n");
        if (config is not null)
        {
            // JSON in a non-script type is data, not code: the browser never runs it, and the serializer
            // escapes <, > and & so it cannot close the element.
            html.Append("<script type=\"application/json\" id=\"form-config\">").Append(config).Append("</script>\n");
            html.Append("<script nonce=\"").Append(E(nonce)).Append("\">\n").Append(FormAssets.Script).Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
    }

    private static void ErrorSummary(StringBuilder html, FormText text, IReadOnlyDictionary<string, string> errors)
    {
        // Focused on arrival when the server sends the form back with errors, and by the script when it
        // finds some, so a screen reader says what is wrong first.
        html.Append("<div id=\"error-summary\" class=\"error-summary\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\"");
        html.Append(errors.Count > 0 ? " autofocus" : " hidden").Append(">\n");
        html.Append("<h2 id=\"error-summary-title\">").Append(E(text["errors.summaryTitle"])).Append("</h2>\n");
        html.Append("<p>").Append(E(text["errors.summaryIntro"])).Append("</p>\n<ul id=\"error-summary-list\">\n");
        foreach (var (name, message) in errors)
        {
            var target = name == EnquiryFormFields.Themes ? ThemesGroupId : name;
            var label = FormFields.Find(name) is not null ? text[FormFields.LabelKey(name)] : name;
            html.Append("<li><a href=\"#").Append(E(target)).Append("\">").Append(E(label)).Append(": ").Append(E(message)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</div>\n");
    }

    private void Field(StringBuilder html, FormText text, FormField field, FormPageState state)
    {
        var name = field.Name;
        state.Errors.TryGetValue(name, out var error);
        var value = FormErrors.ValueOf(state.Values, name);
        var describedBy = new List<string>();
        if (field.HasHint)
        {
            describedBy.Add(name + "-hint");
        }

        describedBy.Add(name + "-error");
        if (field.Kind == EnquiryFieldKind.Themes)
        {
            Themes(html, text, state, error, describedBy);
            return;
        }

        html.Append("<div class=\"field\">\n<label for=\"").Append(name).Append("\">").Append(E(text[FormFields.LabelKey(name)]));
        if (field.Required)
        {
            html.Append(" <span class=\"required-mark\" aria-hidden=\"true\">*</span>");
        }

        html.Append("</label>\n");
        Hint(html, text, field);
        ErrorText(html, name, error);
        var common = new StringBuilder();
        common.Append(" id=\"").Append(name).Append("\" name=\"").Append(name).Append('"')
            .Append(" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append('"');
        if (field.Required)
        {
            common.Append(" required");
        }

        if (field.Autocomplete is { } autocomplete)
        {
            common.Append(" autocomplete=\"").Append(autocomplete).Append('"');
        }

        if (error is not null)
        {
            common.Append(" aria-invalid=\"true\"");
        }

        switch (field.Kind)
        {
            case EnquiryFieldKind.Country:
                Countries(html, text, common.ToString(), value);
                break;
            case EnquiryFieldKind.Message:
                html.Append("<textarea").Append(common).Append(" rows=\"8\"");
                AppendMaxLength(html, field);
                html.Append('>');
                // A textarea's first newline is dropped by the parser: one is written so a value that
                // starts with a newline comes back whole.
                html.Append('\n').Append(E(value)).Append("</textarea>\n");
                break;
            default:
                html.Append("<input type=\"").Append(InputType(field.Kind)).Append('"').Append(common);
                AppendMaxLength(html, field);
                if (field.Kind == EnquiryFieldKind.Size)
                {
                    html.Append(" min=\"").Append(EnquiryFieldLimits.MinDelegationSize.ToString(CultureInfo.InvariantCulture))
                        .Append("\" max=\"").Append(field.Field.MaxLength.ToString(CultureInfo.InvariantCulture))
                        .Append("\" step=\"1\" inputmode=\"numeric\"");
                }

                if (field.Kind == EnquiryFieldKind.Email)
                {
                    html.Append(" spellcheck=\"false\"");
                }

                html.Append(" value=\"").Append(E(value)).Append("\">\n");
                break;
        }

        html.Append("</div>\n");
    }

    private static void AppendMaxLength(StringBuilder html, FormField field)
    {
        if (field.MaxLength is { } max)
        {
            html.Append(" maxlength=\"").Append(max.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
    }

    private static string InputType(EnquiryFieldKind kind) => kind switch
    {
        EnquiryFieldKind.Email => "email",
        EnquiryFieldKind.Phone => "tel",
        EnquiryFieldKind.Size => "number",
        EnquiryFieldKind.Date => "date",
        _ => "text",
    };

    private static void Hint(StringBuilder html, FormText text, FormField field)
    {
        if (field.HasHint)
        {
            html.Append("<p class=\"hint\" id=\"").Append(field.Name).Append("-hint\">").Append(E(text[$"field.{field.Name}.hint"])).Append("</p>\n");
        }
    }

    private static void ErrorText(StringBuilder html, string name, string? error)
    {
        html.Append("<p class=\"error\" id=\"").Append(name).Append("-error\"").Append(error is null ? " hidden" : string.Empty).Append('>')
            .Append(E(error)).Append("</p>\n");
    }

    private void Countries(StringBuilder html, FormText text, string common, string? value)
    {
        var selected = countries.Find(value)?.Code;
        html.Append("<select").Append(common).Append(">\n<option value=\"\">").Append(E(text["field.country.choose"])).Append("</option>\n");
        foreach (var (code, name) in CountryOptions(text.Language))
        {
            html.Append("<option value=\"").Append(code).Append('"');
            if (code == selected)
            {
                html.Append(" selected");
            }

            html.Append('>').Append(E(name)).Append("</option>\n");
        }

        html.Append("</select>\n");
    }

    private IReadOnlyList<(string Code, string Name)> CountryOptions(string language)
    {
        lock (_lock)
        {
            if (!_countryOptions.TryGetValue(language, out var options))
            {
                var comparer = StringComparer.Create(FormLanguage.Culture(language), CompareOptions.None);
                options = [.. countries.Countries
                    .Select(country => (country.Code, Name: country.NameIn(language)))
                    .OrderBy(country => country.Name, comparer)
                    .ThenBy(country => country.Code, StringComparer.Ordinal)];
                _countryOptions[language] = options;
            }

            return options;
        }
    }

    private void Themes(StringBuilder html, FormText text, FormPageState state, string? error, List<string> describedBy)
    {
        var chosen = state.Values.Themes.ToHashSet(StringComparer.Ordinal);
        var comparer = StringComparer.Create(FormLanguage.Culture(text.Language), CompareOptions.None);
        html.Append("<fieldset id=\"").Append(ThemesGroupId).Append("\" tabindex=\"-1\" aria-describedby=\"").Append(string.Join(' ', describedBy)).Append("\">\n<legend>")
            .Append(E(text["field.themes.legend"])).Append("</legend>\n");
        Hint(html, text, FormFields.Find(EnquiryFormFields.Themes)!);
        ErrorText(html, EnquiryFormFields.Themes, error);
        html.Append("<div class=\"themes\">\n");
        foreach (var theme in themes.Themes.OrderBy(theme => theme.NameIn(text.Language), comparer))
        {
            var id = "theme-" + theme.Id;
            html.Append("<div class=\"theme\"><input type=\"checkbox\" id=\"").Append(E(id)).Append("\" name=\"").Append(EnquiryFormFields.Themes)
                .Append("\" value=\"").Append(E(theme.Id)).Append('"');
            if (chosen.Contains(theme.Id))
            {
                html.Append(" checked");
            }

            html.Append("><label for=\"").Append(E(id)).Append("\">").Append(E(theme.NameIn(text.Language))).Append("</label></div>\n");
        }

        html.Append("</div>\n</fieldset>\n");
    }

    private static void Result(StringBuilder html, FormText text, string? reference)
    {
        // In the form page the script fills in the reference and shows this section; the result page
        // shows it at once.
        html.Append("<section id=\"result\" aria-labelledby=\"result-title\"").Append(reference is null ? " hidden" : string.Empty).Append(">\n");
        html.Append(reference is null ? "<h2" : "<h1").Append(" id=\"result-title\" tabindex=\"-1\">").Append(E(text["result.title"]))
            .Append(reference is null ? "</h2>\n" : "</h1>\n");
        html.Append("<p>").Append(E(text["result.referenceLabel"])).Append(": <strong id=\"reference\" class=\"reference\">").Append(E(reference))
            .Append("</strong></p>\n");
        html.Append("<p>").Append(E(text["result.referenceNote"])).Append("</p>\n");
        html.Append("<h2 id=\"next-title\">").Append(E(text["result.nextTitle"])).Append("</h2>\n<ol aria-labelledby=\"next-title\">\n");
        foreach (var key in new[] { "result.next1", "result.next2", "result.next3" })
        {
            html.Append("<li>").Append(E(text[key])).Append("</li>\n");
        }

        html.Append("</ol>\n<p><a href=\"").Append(FormPath).Append("?lang=").Append(text.Language).Append("\">").Append(E(text["result.another"]))
            .Append("</a></p>\n</section>\n");
    }

    private static string Config(FormText text)
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["required"] = text["error.required"],
            ["tooLong"] = text["error.tooLong"],
            ["contactEmail"] = text["error.contactEmail"],
            ["phone"] = text["error.phone"],
            ["delegationSize"] = text["error.delegationSize"],
            ["date"] = text["error.date"],
            ["departureBeforeArrival"] = text["error.departureBeforeArrival"],
            ["country"] = text["error.country"],
            ["themes"] = text["error.themes"],
            ["invalid"] = text["error.invalid"],
            ["network"] = text["error.network"],
            ["server"] = text["error.server"],
            ["sending"] = text["form.sending"],
            ["summaryTitle"] = text["errors.summaryTitle"],
        };
        var config = new
        {
            fields = FormFields.All.Select(field => field.Name),
            required = FormFields.All.Where(field => field.Required).Select(field => field.Name),
            maxLengths = FormFields.All.Where(field => field.MaxLength is not null).ToDictionary(field => field.Name, field => field.MaxLength!.Value),
            labels = FormFields.All.ToDictionary(field => field.Name, field => text[FormFields.LabelKey(field.Name)]),
            minDelegationSize = EnquiryFieldLimits.MinDelegationSize,
            maxDelegationSize = EnquiryFieldLimits.MaxDelegationSize,
            maxThemes = EnquiryFieldLimits.Themes,
            resultTitle = text["result.title"],
            referenceLabel = text["result.referenceLabel"],
            messages,
        };
        return JsonSerializer.Serialize(config);
    }
}
