using AngleSharp.Dom;
using Ganss.Xss;

namespace OnePointEntry.Mail.Originals;

/// <summary>
/// A mail's HTML body made inert for a staff page: HtmlSanitizer's defaults (no scripts, event handlers, frames or
/// style sheets) and beyond them no forms, no <c>style</c>, <c>class</c> or <c>id</c> (they would reach into the
/// page's own), no images (each would load from the sender's server, telling them the mail was read; its
/// description stays) and links only to web and mail addresses.
/// </summary>
public static class MailHtmlSanitizer
{
    private static readonly string[] s_droppedTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output", "fieldset", "legend", "label", "map", "area", "img", "picture", "source", "video", "audio"];

    private static readonly string[] s_droppedAttributes =
        ["style", "class", "id", "name", "accesskey", "tabindex", "target", "action", "background", "usemap", "for", "form"];

    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
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
        sanitizer.RemovingTag += (_, e) => KeepDescription(e);
        sanitizer.PostProcessNode += (_, e) => MarkLinks(e.Node);
        return sanitizer.Sanitize(html);
    }

    // An image's alt text is what it said; without it the reader would not know anything was there.
    private static void KeepDescription(RemovingTagEventArgs e)
    {
        if (e.Tag.LocalName == "img" && e.Tag.GetAttribute("alt") is { Length: > 0 } alt && e.Tag.Parent is { } parent)
        {
            parent.InsertBefore(e.Tag.Owner!.CreateTextNode($"[{alt}]"), e.Tag);
        }
    }

    // A link opens away from the page and tells the site nothing about where it came from.
    private static void MarkLinks(INode node)
    {
        if (node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
        {
            link.SetAttribute("rel", "noopener noreferrer nofollow");
        }
    }
}
