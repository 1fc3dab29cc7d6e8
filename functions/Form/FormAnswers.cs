using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OnePointEntry.Enquiries;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Functions.Form;

/// <summary>The web form's pages as HTTP answers: the empty form, and the answer to a form sent without the page's script.</summary>
public sealed class FormAnswers(FormPages pages)
{
    /// <summary>The empty form in the language of <c>?lang=</c>, else of the browser.</summary>
    public IActionResult Form(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = FormLanguage.Choose(request.Query["lang"].FirstOrDefault(), request.Headers.AcceptLanguage.ToString());
        return Page(StatusCodes.Status200OK, language, nonce => pages.RenderForm(FormTexts.For(language), FormPageState.Empty, nonce));
    }

    /// <summary>
    /// The page for a submitted form, in the language the form was shown in: the reference and what happens
    /// next, or the form again with what was entered and what is wrong. Null where the API's own answer
    /// serves a browser as well (an Idempotency-Key, which a plain form cannot send).
    /// </summary>
    public IActionResult? Submitted(HttpRequest request, EnquiryForm form, IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(result);
        var language = FormLanguage.Choose(form.Language, request.Headers.AcceptLanguage.ToString());
        var text = FormTexts.For(language);
        switch (result.Outcome)
        {
            case IntakeOutcome.Invalid:
                var state = new FormPageState { Values = form, Errors = FormErrors.Translate(result.Errors, form, text) };
                return Page(StatusCodes.Status422UnprocessableEntity, language, nonce => pages.RenderForm(text, state, nonce));
            case IntakeOutcome.Accepted or IntakeOutcome.Repeated or IntakeOutcome.Ignored:
                var reference = result.Reference!.Value;
                var page = Page(StatusCodes.Status202Accepted, language, nonce => FormPages.RenderResult(text, reference, nonce));
                page.Headers["Location"] = GetEnquiry.PathOf(reference);
                return page;
            default:
                return null;
        }
    }

    /// <summary>A page whose inline style and script carry a fresh nonce, allowed by its policy alone.</summary>
    private static ContentResponse Page(int status, string language, Func<string, string> render)
    {
        var nonce = SecurityHeaders.NewNonce();
        var page = new ContentResponse(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(render(nonce)), SecurityHeaders.ContentSecurityPolicy(nonce));
        page.Headers["Content-Language"] = FormLanguage.HtmlTag(language);
        // The answer depends on these request headers; a shared cache must not hand one language to another.
        page.Headers["Vary"] = "Accept, Accept-Language";
        return page;
    }
}
