using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Page;

/// <summary>
/// An Adaptive Card (up to 1.5, what Teams renders) as HTML that looks like Teams' light theme: every element
/// type of the schema, not only the ones the app's cards use, so a card the app starts sending tomorrow shows
/// as well. What a page without scripts cannot do (submit, show a card, toggle, play media, load a web image)
/// is drawn as Teams draws it and marked as not available here. Unknown element types are shown as a note
/// rather than dropped as a card host would, because a person checking the app's cards wants to see them.
/// </summary>
internal sealed partial class AdaptiveCardRenderer(DynamicStyles styles)
{
    /// <summary>Containers nested deeper than this are cut off with a note; the JSON reader allows 64 levels.</summary>
    private const int MaxDepth = 24;

    private static readonly string[] s_sizes = ["small", "default", "medium", "large", "extraLarge"];
    private static readonly string[] s_colors = ["default", "dark", "light", "accent", "good", "warning", "attention"];
    private static readonly string[] s_containerStyles = ["default", "emphasis", "good", "attention", "warning", "accent"];
    private static readonly string[] s_spacings = ["none", "small", "default", "medium", "large", "extraLarge", "padding"];

    public void AppendCard(StringBuilder html, JsonObject card)
    {
        var full = string.Equals(StateJson.String(StateJson.Object(card, "msteams"), "width"), "Full", StringComparison.OrdinalIgnoreCase);
        html.Append("<div class=\"ac-card").Append(full ? " ac-full" : string.Empty).Append(Alignment(card, "verticalContentAlignment", "ac-valign-")).Append("\">");
        var body = StateJson.Items(card, "body");
        var actions = StateJson.Items(card, "actions");
        if (body.Count == 0 && actions.Count == 0)
        {
            html.Append("<p class=\"ac-note\">This card has no body and no actions.</p>");
        }

        AppendItems(html, body, depth: 0, parentStyle: "default");
        if (actions.Count > 0)
        {
            html.Append("<div class=\"ac-el ac-sp-default\">");
            AppendActions(html, actions);
            html.Append("</div>");
        }

        html.Append("</div>");
    }

    private void AppendItems(StringBuilder html, IReadOnlyList<JsonNode> items, int depth, string parentStyle)
    {
        foreach (var item in items)
        {
            if (item is not JsonObject element)
            {
                Note(html, "unsupported element: not an object");
                continue;
            }

            if (StateJson.Flag(element, "isVisible") == false)
            {
                // Teams shows it only after an Action.ToggleVisibility, which needs a script.
                continue;
            }

            AppendElement(html, element, depth, parentStyle);
        }
    }

    private void AppendElement(StringBuilder html, JsonObject element, int depth, string parentStyle)
    {
        if (depth > MaxDepth)
        {
            Note(html, "elements nested too deep to show");
            return;
        }

        var type = StateJson.String(element, "type") ?? string.Empty;
        var known = type switch
        {
            "TextBlock" or "RichTextBlock" or "FactSet" or "ColumnSet" or "Container" or "Image" or "ImageSet" or "ActionSet"
                or "Table" or "Media" or "Input.Text" or "Input.Number" or "Input.Date" or "Input.Time" or "Input.Toggle" or "Input.ChoiceSet" => true,
            _ => false,
        };
        if (!known)
        {
            // The schema's own way out: a fallback element, or "drop" when its author would rather show nothing.
            switch (StateJson.Member(element, "fallback"))
            {
                case JsonObject fallback:
                    AppendElement(html, fallback, depth + 1, parentStyle);
                    return;
                case JsonValue drop when string.Equals(StateJson.Text(drop), "drop", StringComparison.OrdinalIgnoreCase):
                    return;
                default:
                    Note(html, "unsupported element: " + (type.Length == 0 ? "(no type)" : type));
                    return;
            }
        }

        html.Append("<div class=\"ac-el").Append(Spacing(element)).Append(StateJson.Flag(element, "separator") == true ? " ac-sep" : string.Empty).Append("\">");
        switch (type)
        {
            case "TextBlock":
                AppendTextBlock(html, element);
                break;
            case "RichTextBlock":
                AppendRichTextBlock(html, element);
                break;
            case "FactSet":
                AppendFactSet(html, element);
                break;
            case "ColumnSet":
                AppendColumnSet(html, element, depth, parentStyle);
                break;
            case "Container":
                AppendContainer(html, element, depth, parentStyle);
                break;
            case "Image":
                AppendImage(html, element, null);
                break;
            case "ImageSet":
                AppendImageSet(html, element);
                break;
            case "ActionSet":
                AppendActions(html, StateJson.Items(element, "actions"));
                break;
            case "Table":
                AppendTable(html, element, depth, parentStyle);
                break;
            case "Media":
                AppendMedia(html, element);
                break;
            default:
                AppendInput(html, element, type);
                break;
        }

        html.Append("</div>");
    }

    private void AppendTextBlock(StringBuilder html, JsonObject element)
    {
        var text = FormatDates(StateJson.String(element, "text") ?? string.Empty);
        var heading = string.Equals(StateJson.String(element, "style"), "heading", StringComparison.OrdinalIgnoreCase);
        var classes = new StringBuilder("ac-text");
        classes.Append(Choice(element, "size", s_sizes, "ac-size-", heading ? "large" : "default"));
        classes.Append(Choice(element, "weight", ["lighter", "default", "bolder"], "ac-weight-", heading ? "bolder" : "default"));
        classes.Append(Choice(element, "color", s_colors, "ac-color-", "default"));
        classes.Append(StateJson.Flag(element, "isSubtle") == true ? " ac-subtle" : string.Empty);
        classes.Append(string.Equals(StateJson.String(element, "fontType"), "monospace", StringComparison.OrdinalIgnoreCase) ? " ac-mono" : string.Empty);
        classes.Append(Alignment(element, "horizontalAlignment", "ac-align-"));
        var wrap = StateJson.Flag(element, "wrap") == true;
        classes.Append(wrap ? string.Empty : " ac-nowrap");
        if (wrap && StateJson.Number(element, "maxLines") is { } maxLines and >= 1)
        {
            classes.Append(" ac-clamp ").Append(styles.ClassFor("-webkit-line-clamp:" + ((int)Math.Min(20, maxLines)).ToString(CultureInfo.InvariantCulture)));
        }

        html.Append("<div class=\"").Append(classes).Append('"').Append(heading ? " role=\"heading\" aria-level=\"4\"" : string.Empty).Append('>');
        AdaptiveCardMarkdown.AppendBlock(html, text);
        html.Append("</div>");
    }

    private static void AppendRichTextBlock(StringBuilder html, JsonObject element)
    {
        html.Append("<p class=\"ac-text ac-rich").Append(Alignment(element, "horizontalAlignment", "ac-align-")).Append("\">");
        foreach (var inline in StateJson.Items(element, "inlines"))
        {
            if (inline is JsonValue && StateJson.Text(inline) is { } plain)
            {
                html.AppendEncoded(plain);
                continue;
            }

            if (inline is not JsonObject run || !string.Equals(StateJson.String(run, "type") ?? "TextRun", "TextRun", StringComparison.Ordinal))
            {
                html.Append("<span class=\"ac-note\">unsupported inline: ").AppendEncoded(StateJson.String(inline, "type") ?? "(no type)").Append("</span>");
                continue;
            }

            var classes = Choice(run, "size", s_sizes, "ac-size-", "default")
                + Choice(run, "weight", ["lighter", "default", "bolder"], "ac-weight-", "default")
                + Choice(run, "color", s_colors, "ac-color-", "default")
                + (StateJson.Flag(run, "isSubtle") == true ? " ac-subtle" : string.Empty)
                + (string.Equals(StateJson.String(run, "fontType"), "monospace", StringComparison.OrdinalIgnoreCase) ? " ac-mono" : string.Empty)
                + (StateJson.Flag(run, "italic") == true ? " ac-italic" : string.Empty)
                + (StateJson.Flag(run, "strikethrough") == true ? " ac-strike" : string.Empty)
                + (StateJson.Flag(run, "underline") == true ? " ac-underline" : string.Empty)
                + (StateJson.Flag(run, "highlight") == true ? " ac-highlight" : string.Empty);
            var link = OpenUrlOf(StateJson.Object(run, "selectAction"));
            html.Append(link is null ? "<span" : "<a href=\"" + HtmlText.Encode(link) + "\"").Append(" class=\"").Append(classes.Trim()).Append("\">");
            html.AppendEncoded(FormatDates(StateJson.String(run, "text") ?? string.Empty));
            html.Append(link is null ? "</span>" : "</a>");
        }

        html.Append("</p>");
    }

    private static void AppendFactSet(StringBuilder html, JsonObject element)
    {
        html.Append("<dl class=\"ac-facts\">");
        foreach (var fact in StateJson.Objects(element, "facts"))
        {
            html.Append("<dt>");
            AdaptiveCardMarkdown.AppendInline(html, FormatDates(StateJson.String(fact, "title") ?? string.Empty));
            html.Append("</dt><dd>");
            AdaptiveCardMarkdown.AppendInline(html, FormatDates(StateJson.String(fact, "value") ?? string.Empty));
            html.Append("</dd>");
        }

        html.Append("</dl>");
    }

    private void AppendColumnSet(StringBuilder html, JsonObject element, int depth, string parentStyle)
    {
        var style = ContainerStyle(element, parentStyle);
        html.Append("<div class=\"ac-columns").Append(StyleClass(style, parentStyle)).Append(MinHeight(element)).Append("\">");
        var first = true;
        foreach (var item in StateJson.Items(element, "columns"))
        {
            if (item is not JsonObject column || StateJson.Flag(column, "isVisible") == false)
            {
                continue;
            }

            var columnStyle = ContainerStyle(column, style);
            html.Append("<div class=\"ac-column ").Append(ColumnWidth(column))
                .Append(first ? string.Empty : ColumnSpacing(column))
                .Append(StyleClass(columnStyle, style))
                .Append(MinHeight(column))
                .Append(Alignment(column, "verticalContentAlignment", "ac-valign-"))
                .Append("\">");
            AppendItems(html, StateJson.Items(column, "items"), depth + 1, columnStyle);
            html.Append("</div>");
            first = false;
        }

        html.Append("</div>");
    }

    private void AppendContainer(StringBuilder html, JsonObject element, int depth, string parentStyle)
    {
        var style = ContainerStyle(element, parentStyle);
        html.Append("<div class=\"ac-container").Append(StyleClass(style, parentStyle)).Append(MinHeight(element))
            .Append(Alignment(element, "verticalContentAlignment", "ac-valign-")).Append("\">");
        AppendItems(html, StateJson.Items(element, "items"), depth + 1, style);
        html.Append("</div>");
    }

    /// <param name="setSize">The ImageSet's imageSize, which its images take instead of their own.</param>
    private void AppendImage(StringBuilder html, JsonObject image, string? setSize)
    {
        var alt = StateJson.String(image, "altText") ?? string.Empty;
        var url = StateJson.String(image, "url");
        var size = setSize ?? Choice(image, "size", ["auto", "stretch", "small", "medium", "large"], string.Empty, "auto").Trim();
        var classes = new StringBuilder("ac-image ac-image-").Append(size.ToLowerInvariant());
        if (string.Equals(StateJson.String(image, "style"), "person", StringComparison.OrdinalIgnoreCase))
        {
            classes.Append(" ac-person");
        }

        if (Pixels(StateJson.String(image, "width")) is { } width)
        {
            classes.Append(' ').Append(styles.ClassFor("width:" + width + "px"));
        }

        if (Pixels(StateJson.String(image, "height")) is { } height)
        {
            classes.Append(' ').Append(styles.ClassFor("height:" + height + "px"));
        }

        var wrapper = setSize is null ? "<div class=\"ac-image-row" + Alignment(image, "horizontalAlignment", "ac-align-") + "\">" : string.Empty;
        html.Append(wrapper);
        if (DataImage.From(url) is { } data)
        {
            html.Append("<img class=\"").Append(classes).Append("\" src=\"").Append(data).Append("\" alt=\"").AppendEncoded(alt).Append("\">");
        }
        else
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.Host : null;
            html.Append("<span class=\"ac-image-missing ").Append(classes).Append("\" role=\"img\" aria-label=\"")
                .AppendEncoded(alt.Length > 0 ? "Image: " + alt : "Image without a description").Append("\">")
                .Append("<span class=\"ac-image-alt\">").AppendEncoded(alt.Length > 0 ? alt : "Image").Append("</span>")
                .Append("<span class=\"ac-image-why\">")
                .AppendEncoded(host is null ? "not shown: only data: images can be shown here" : "from " + host + ", not loaded: this page loads nothing from the web")
                .Append("</span></span>");
        }

        html.Append(setSize is null ? "</div>" : string.Empty);
    }

    private void AppendImageSet(StringBuilder html, JsonObject element)
    {
        var size = Choice(element, "imageSize", ["small", "medium", "large"], string.Empty, "medium").Trim();
        html.Append("<div class=\"ac-imageset\">");
        foreach (var image in StateJson.Objects(element, "images"))
        {
            AppendImage(html, image, size);
        }

        html.Append("</div>");
    }

    private static void AppendActions(StringBuilder html, IReadOnlyList<JsonNode> actions)
    {
        html.Append("<div class=\"ac-actions\">");
        foreach (var item in actions)
        {
            var action = item as JsonObject;
            var type = StateJson.String(action, "type") ?? "(no type)";
            var title = StateJson.String(action, "title");
            var style = Choice(action, "style", ["default", "positive", "destructive"], "ac-action-", "default");
            var enabled = StateJson.Flag(action, "isEnabled") != false;
            switch (type)
            {
                case "Action.OpenUrl" when enabled && HtmlText.SafeLink(StateJson.String(action, "url")) is { } url:
                    html.Append("<a class=\"ac-action").Append(style).Append("\" href=\"").AppendEncoded(url).Append("\">")
                        .AppendEncoded(title ?? new Uri(url).Host).Append("</a>");
                    break;
                case "Action.OpenUrl" or "Action.Submit" or "Action.Execute" or "Action.ShowCard" or "Action.ToggleVisibility":
                    var why = type == "Action.OpenUrl"
                        ? (enabled ? "Action.OpenUrl with an address that is not http, https or mailto" : "Action.OpenUrl, disabled in the card")
                        : type + ": needs Teams, not available on this page";
                    html.Append("<button type=\"button\" class=\"ac-action").Append(style).Append("\" disabled title=\"").AppendEncoded(why).Append("\">")
                        .AppendEncoded(title ?? type).Append("<span class=\"visually-hidden\"> (").AppendEncoded(why).Append(")</span></button>");
                    break;
                default:
                    html.Append("<span class=\"ac-note\">unsupported action: ").AppendEncoded(type).Append("</span>");
                    break;
            }
        }

        html.Append("</div>");
    }

    private void AppendTable(StringBuilder html, JsonObject element, int depth, string parentStyle)
    {
        var headerRow = StateJson.Flag(element, "firstRowAsHeader") != false;
        var grid = StateJson.Flag(element, "showGridLines") != false;
        html.OpenScrollRegion("Table in the card").Append("<table class=\"ac-table").Append(grid ? " ac-grid" : string.Empty).Append("\">");
        var rows = StateJson.Objects(element, "rows");
        for (var r = 0; r < rows.Count; r++)
        {
            var header = headerRow && r == 0;
            html.Append("<tr>");
            foreach (var cell in StateJson.Objects(rows[r], "cells"))
            {
                html.Append(header ? "<th scope=\"col\">" : "<td>");
                AppendItems(html, StateJson.Items(cell, "items"), depth + 1, parentStyle);
                html.Append(header ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div>");
    }

    private static void AppendMedia(StringBuilder html, JsonObject element)
    {
        var alt = StateJson.String(element, "altText");
        var sources = StateJson.Objects(element, "sources").Count;
        html.Append("<div class=\"ac-media\" role=\"img\" aria-label=\"").AppendEncoded("Media: " + (alt ?? "no description")).Append("\">");
        if (DataImage.From(StateJson.String(element, "poster")) is { } poster)
        {
            html.Append("<img src=\"").Append(poster).Append("\" alt=\"\">");
        }

        html.Append("<span>▶ ").AppendEncoded(alt ?? "Media")
            .Append(CultureInfo.InvariantCulture, $" ({sources} source{(sources == 1 ? string.Empty : "s")}, not played on this page)</span></div>");
    }

    private static void AppendInput(StringBuilder html, JsonObject input, string type)
    {
        var label = StateJson.String(input, "label");
        var value = StateJson.String(input, "value");
        var placeholder = StateJson.String(input, "placeholder");
        if (type == "Input.ChoiceSet")
        {
            AppendChoiceSet(html, input, label, value);
            return;
        }

        // Teams shows a label only when the card gives one; the control is named either way.
        var name = HtmlText.Encode(label ?? placeholder ?? StateJson.String(input, "title") ?? type);
        html.Append("<label class=\"ac-input\">");
        if (label is not null)
        {
            html.Append("<span class=\"ac-input-label\">").AppendEncoded(label).Append("</span>");
        }

        if (type == "Input.Toggle")
        {
            var on = StateJson.String(input, "valueOn") ?? "true";
            html.Append("<span class=\"ac-toggle\"><input type=\"checkbox\" disabled aria-label=\"").Append(name).Append('"')
                .Append(string.Equals(value, on, StringComparison.Ordinal) ? " checked" : string.Empty)
                .Append("> ").AppendEncoded(StateJson.String(input, "title") ?? string.Empty).Append("</span>");
        }
        else if (type == "Input.Text" && StateJson.Flag(input, "isMultiline") == true)
        {
            html.Append("<textarea disabled rows=\"3\" aria-label=\"").Append(name).Append("\" placeholder=\"").AppendEncoded(placeholder).Append("\">")
                .AppendEncoded(value).Append("</textarea>");
        }
        else
        {
            html.Append("<input type=\"text\" disabled aria-label=\"").Append(name).Append("\" value=\"").AppendEncoded(value)
                .Append("\" placeholder=\"").AppendEncoded(placeholder).Append("\">");
        }

        html.Append("</label>");
    }

    private static void AppendChoiceSet(StringBuilder html, JsonObject input, string? label, string? value)
    {
        var chosen = (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var choices = StateJson.Objects(input, "choices");
        var multi = StateJson.Flag(input, "isMultiSelect") == true;
        if (multi || string.Equals(StateJson.String(input, "style"), "expanded", StringComparison.OrdinalIgnoreCase))
        {
            html.Append("<fieldset class=\"ac-input\" disabled><legend class=\"ac-input-label\">").AppendEncoded(label ?? "Input.ChoiceSet").Append("</legend>");
            foreach (var choice in choices)
            {
                html.Append("<label class=\"ac-choice\"><input type=\"").Append(multi ? "checkbox" : "radio").Append('"')
                    .Append(chosen.Contains(StateJson.String(choice, "value") ?? string.Empty) ? " checked" : string.Empty)
                    .Append("> ").AppendEncoded(StateJson.String(choice, "title")).Append("</label>");
            }

            html.Append("</fieldset>");
            return;
        }

        html.Append("<label class=\"ac-input\"><span class=\"ac-input-label\">").AppendEncoded(label ?? "Input.ChoiceSet").Append("</span><select disabled>");
        if (chosen.Count == 0)
        {
            html.Append("<option>").AppendEncoded(StateJson.String(input, "placeholder") ?? string.Empty).Append("</option>");
        }

        foreach (var choice in choices)
        {
            html.Append("<option").Append(chosen.Contains(StateJson.String(choice, "value") ?? string.Empty) ? " selected" : string.Empty).Append('>')
                .AppendEncoded(StateJson.String(choice, "title")).Append("</option>");
        }

        html.Append("</select></label>");
    }

    private static void Note(StringBuilder html, string text) =>
        html.Append("<p class=\"ac-el ac-sp-default ac-note\">").AppendEncoded(text).Append("</p>");

    private static string? OpenUrlOf(JsonObject? action) =>
        string.Equals(StateJson.String(action, "type"), "Action.OpenUrl", StringComparison.Ordinal) ? HtmlText.SafeLink(StateJson.String(action, "url")) : null;

    /// <summary>" prefix-value" when the member is one of the schema's values (compared as Teams does, without case), else the default's class.</summary>
    private static string Choice(JsonObject? element, string name, string[] allowed, string prefix, string fallback)
    {
        var value = StateJson.String(element, name);
        var match = allowed.FirstOrDefault(candidate => string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)) ?? fallback;
        return " " + prefix + match.ToLowerInvariant();
    }

    private static string Alignment(JsonObject element, string name, string prefix)
    {
        var value = StateJson.String(element, name)?.ToLowerInvariant();
        return value is "center" or "right" or "bottom" ? " " + prefix + value : string.Empty;
    }

    private static string Spacing(JsonObject element) => Choice(element, "spacing", s_spacings, "ac-sp-", "default");

    private static string ColumnSpacing(JsonObject column) => Choice(column, "spacing", s_spacings, "ac-csp-", "default")
        + (StateJson.Flag(column, "separator") == true ? " ac-csep" : string.Empty);

    private static string ContainerStyle(JsonObject element, string parentStyle) =>
        s_containerStyles.FirstOrDefault(style => string.Equals(style, StateJson.String(element, "style"), StringComparison.OrdinalIgnoreCase)) ?? parentStyle;

    /// <summary>A container draws its own background and padding only when its style differs from its parent's, as in Teams.</summary>
    private static string StyleClass(string style, string parentStyle) =>
        string.Equals(style, parentStyle, StringComparison.Ordinal) ? string.Empty : " ac-style ac-style-" + style.ToLowerInvariant();

    private string MinHeight(JsonObject element) =>
        Pixels(StateJson.String(element, "minHeight")) is { } height ? " " + styles.ClassFor("min-height:" + height + "px") : string.Empty;

    private string ColumnWidth(JsonObject column)
    {
        var width = StateJson.Member(column, "width");
        var text = StateJson.Text(width)?.Trim();
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return "ac-col-auto";
        }

        if (Pixels(text) is { } pixels)
        {
            return styles.ClassFor("flex:0 0 " + pixels + "px");
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight is > 0 and < 10_000
            ? styles.ClassFor("flex:" + DynamicStyles.Number(weight) + " 1 0")
            : "ac-col-stretch";
    }

    /// <summary>"80px" as 80, within what a card can sensibly ask for; anything else null.</summary>
    private static string? Pixels(string? value)
    {
        var match = value is null ? Match.Empty : PixelValue().Match(value.Trim());
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels is > 0 and <= 2000
            ? pixels.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// <c>{{DATE(2026-12-07T09:00:00Z, SHORT)}}</c> and <c>{{TIME(…)}}</c>, which Teams shows in the reader's zone:
    /// here Copenhagen's, as the staff read them. A malformed function stays as typed, as the schema asks.
    /// </summary>
    private static string FormatDates(string text) => text.Contains("{{", StringComparison.Ordinal)
        ? DateFunction().Replace(text, match =>
        {
            if (!DateTimeOffset.TryParse(match.Groups["instant"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return match.Value;
            }

            var local = CopenhagenClock.Local(instant);
            return match.Groups["function"].Value == "TIME"
                ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
                : match.Groups["format"].Value switch
                {
                    "LONG" => local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
                    "SHORT" => local.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
                    _ => local.ToString("d/M/yyyy", CultureInfo.InvariantCulture),
                };
        })
        : text;

    [GeneratedRegex(@"^([0-9]{1,5})px$", RegexOptions.IgnoreCase)]
    private static partial Regex PixelValue();

    [GeneratedRegex(@"\{\{(?<function>DATE|TIME)\((?<instant>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))(?:, ?(?<format>COMPACT|SHORT|LONG))?\)\}\}")]
    private static partial Regex DateFunction();
}
