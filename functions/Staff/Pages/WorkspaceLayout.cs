using System.Text;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// What every workspace page has around its content: the document head with the stylesheet (under the response's
/// nonce), a skip link, the header with the worklist link, the languages, who is signed in and the sign-out link,
/// and the footer.
/// </summary>
public static class WorkspaceLayout
{
    /// <param name="here">The page's own path and query without <c>lang</c>, for the language links.</param>
    /// <param name="staff">Who is signed in; null on a page shown before sign-in is known (a refused post).</param>
    public static void Open(StringBuilder html, WorkspaceText text, string title, string nonce, string here, PageVisit? visit, bool onWorklist = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(text.Language).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // The response says no-referrer, under which a browser sends "Origin: null" with every form post; the page
            // narrows that to same-origin, so its own posts name their origin (checked by SameOriginPosts) while
            // links to Outlook or Planner still carry nothing about the page.
            .Append("<meta name=\"referrer\" content=\"same-origin\">\n")
            .Append("<title>").Append(E(title)).Append(" · One-Point Entry</title>\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<style nonce=\"").Append(E(nonce)).Append("\">\n").Append(WorkspaceAssets.Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<a class=\"skip\" href=\"#main\">").Append(E(text["page.skip"])).Append("</a>\n");
        html.Append("<header>\n<p class=\"brand\">").Append(E(text["brand"])).Append("</p>\n");
        html.Append("<nav aria-label=\"").Append(E(text["nav.label"])).Append("\">\n<ul>\n<li><a href=\"")
            .Append(E(WorkspacePaths.With(WorkspacePaths.Worklist, text.Language))).Append('"');
        if (onWorklist)
        {
            html.Append(" aria-current=\"page\"");
        }

        html.Append('>').Append(E(text["nav.worklist"])).Append("</a></li>\n</ul>\n</nav>\n");
        html.Append("<nav aria-label=\"").Append(E(text["switcher.label"])).Append("\">\n<ul>\n");
        var separator = here.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var language in WorkspaceLanguage.All)
        {
            html.Append("<li><a href=\"").Append(E(here + separator + "lang=" + language)).Append("\" lang=\"").Append(language)
                .Append("\" hreflang=\"").Append(language).Append('"');
            if (language == text.Language)
            {
                html.Append(" aria-current=\"true\"");
            }

            html.Append('>').Append(E(WorkspaceTexts.For(language)["language.name"])).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n");
        if (visit is not null)
        {
            html.Append("<p class=\"who\">").Append(E(text["header.signedInAs"])).Append(" <strong id=\"signed-in\">").Append(E(visit.Staff.DisplayName))
                .Append("</strong> · <a id=\"sign-out\" href=\"").Append(E(WorkspacePaths.SignOut)).Append("\">").Append(E(text["header.signOut"])).Append("</a></p>\n");
        }

        html.Append("</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    }

    public static void Close(StringBuilder html, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        html.Append("</main>\n<footer>\n<p>").Append(E(text["page.footer"])).Append("</p>\n</footer>\n</body>\n</html>\n");
    }

    /// <summary>The summary of what is wrong, focused on arrival, each entry a link to its field.</summary>
    public static void ErrorSummary(StringBuilder html, WorkspaceText text, IReadOnlyList<PageError> errors, string titleKey = "errors.title", string introKey = "errors.intro")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return;
        }

        html.Append("<div id=\"error-summary\" class=\"error-summary\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">\n")
            .Append("<h2 id=\"error-summary-title\">").Append(E(text[titleKey])).Append("</h2>\n<p>").Append(E(text[introKey])).Append("</p>\n<ul>\n");
        foreach (var error in errors)
        {
            html.Append("<li><a href=\"#").Append(E(error.Target)).Append("\">").Append(E(error.Label)).Append(": ").Append(E(error.Message)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</div>\n");
    }
}
