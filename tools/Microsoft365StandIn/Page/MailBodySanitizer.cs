using AngleSharp.Dom;
using Ganss.Xss;

namespace Microsoft365StandIn.Page;

/// <summary>
/// A mail's or an event's HTML body made safe to show inside the page. HtmlSanitizer keeps the structure a
/// mail uses (paragraphs, lists, tables, images) and drops scripts, event handlers, forms, frames and the
/// mail's own style sheet. Beyond its defaults: no <c>style</c>, <c>class</c> or <c>id</c> attributes (the
/// page's policy would refuse the styles anyway, and classes and ids would reach into the page's own), images
/// only from <c>data:</c> URIs or from the mail's inline parts by <c>cid:</c>, and links only to web and mail
/// addresses. An image from the web becomes a note with its description: the page loads nothing from outside.
/// </summary>
internal static class MailBodySanitizer
{
    private static readonly string[] s_droppedTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "keygen", "output", "fieldset", "legend", "label", "menu", "menuitem", "map", "area"];

    private static readonly string[] s_droppedAttributes =
        ["style", "class", "id", "name", "accesskey", "tabindex", "target", "action", "method", "enctype", "accept", "accept-charset", "autocomplete", "autosave", "dropzone", "draggable", "for", "form", "usemap", "ismap", "longdesc", "background"];

    /// <param name="inlineImages">The mail's inline parts by content id (without angle brackets), as <c>data:</c> URIs.</param>
    public static string Sanitize(string html, IReadOnlyDictionary<string, string> inlineImages)
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in s_droppedTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in s_droppedAttributes)
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedSchemes.Add("cid");
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Url(e.Tag, e.OriginalUrl, e.SanitizedUrl, inlineImages);
        sanitizer.PostProcessNode += (_, e) => FitIntoPage(e);
        return sanitizer.Sanitize(html);
    }

    /// <summary>The mail's inline images by content id, as the <c>cid:</c> URLs in its body name them.</summary>
    public static string? ContentId(string? cidUrl)
    {
        if (cidUrl is null || !cidUrl.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Normalise(Uri.UnescapeDataString(cidUrl[4..]));
    }

    /// <summary>A content id as it is compared: without the angle brackets a Content-ID header has, without case.</summary>
    public static string Normalise(string contentId) => contentId.Trim().TrimStart('<').TrimEnd('>').ToLowerInvariant();

    private static string? Url(IElement element, string original, string? sanitized, IReadOnlyDictionary<string, string> inlineImages)
    {
        var isImage = element.LocalName == "img";
        if (ContentId(original.Trim()) is { } contentId)
        {
            return isImage && inlineImages.TryGetValue(contentId, out var data) ? data : null;
        }

        if (original.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return isImage ? DataImage.From(original) : null;
        }

        // Everything else that loads (an image, a background) would reach out of the page; links may stay.
        return isImage || sanitized is null ? null : HtmlText.SafeLink(sanitized);
    }

    /// <summary>
    /// What a mail's own document structure would do wrong inside the page: a second <c>main</c> or other
    /// landmark becomes a plain <c>div</c>, headings move under the mail's own heading (h1 to h4, h2 to h5, the
    /// rest h6), and an image left without a source (from the web, or a cid the mail does not hold) becomes its
    /// description.
    /// </summary>
    private static void FitIntoPage(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        var replacement = element.LocalName switch
        {
            "main" or "nav" or "header" or "footer" or "aside" => "div",
            "h1" => "h4",
            "h2" => "h5",
            "h3" or "h4" or "h5" or "h6" => "h6",
            _ => null,
        };
        if (replacement is not null && replacement != element.LocalName)
        {
            var renamed = e.Document.CreateElement(replacement);
            foreach (var attribute in element.Attributes)
            {
                renamed.SetAttribute(attribute.Name, attribute.Value);
            }

            while (element.FirstChild is { } child)
            {
                renamed.AppendChild(child);
            }

            e.ReplacementNodes.Add(renamed);
            return;
        }

        if (element.LocalName != "img" || element.HasAttribute("src"))
        {
            return;
        }

        var note = e.Document.CreateElement("span");
        note.SetAttribute("class", "missing-image");
        var alt = element.GetAttribute("alt");
        note.TextContent = string.IsNullOrWhiteSpace(alt) ? "[image not shown]" : $"[image not shown: {alt}]";
        e.ReplacementNodes.Add(note);
    }
}
