using System.Text;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Http;
using static OnePointEntry.Functions.Staff.Pages.WorkspaceHtml;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>The workspace's answers: a page under a fresh nonce's policy, the redirect after a post, and a short page saying what went wrong.</summary>
public static class WorkspaceResponses
{
    public static ContentResponse Page(int status, string language, Func<string, string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var nonce = SecurityHeaders.NewNonce();
        var page = new ContentResponse(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(render(nonce)), SecurityHeaders.ContentSecurityPolicy(nonce));
        page.Headers["Content-Language"] = language;
        page.Headers["Vary"] = "Accept-Language";
        return page;
    }

    /// <summary>302 Found: a browser without a sign-in goes to sign in, and comes back.</summary>
    public static ContentResponse Redirect(string location)
    {
        var response = new ContentResponse(StatusCodes.Status302Found, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Sign in: " + location));
        response.Headers["Location"] = location;
        return response;
    }

    /// <summary>303 See Other: after a post, the browser gets the page again, so reloading it never posts twice.</summary>
    public static ContentResponse SeeOther(string location)
    {
        var response = new ContentResponse(StatusCodes.Status303SeeOther, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("See " + location));
        response.Headers["Location"] = location;
        return response;
    }

    /// <summary>A page with a heading and one paragraph: a refused post, an unknown or malformed reference, an unreadable form.</summary>
    public static ContentResponse Message(int status, WorkspaceText text, PageVisit? visit, string titleKey, string textKey, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Page(status, text.Language, nonce =>
        {
            var html = new StringBuilder(8 * 1024);
            var title = text[titleKey];
            WorkspaceLayout.Open(html, text, title, nonce, WorkspacePaths.Worklist, visit);
            html.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(text.Format(textKey, values))).Append("</p>\n")
                .Append("<p><a href=\"").Append(E(WorkspacePaths.With(WorkspacePaths.Worklist, text.Language))).Append("\">").Append(E(text["problem.back"])).Append("</a></p>\n");
            WorkspaceLayout.Close(html, text);
            return html.ToString();
        });
    }
}
