using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The original mail beside the facts: its text, its HTML in a frame that runs nothing, and its attachments listed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OriginalMailTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_html_mail_is_shown_as_text_and_in_a_sandboxed_frame_that_runs_no_script_with_its_attachment_listed()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var dialogs = new List<string>();
        workspace.Page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        var (reference, _) = await workspace.MailEnquiryAsync("""
            Content-Type: multipart/mixed; boundary="mixed"

            --mixed
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=utf-8

            Visit next spring?
            --alt
            Content-Type: text/html; charset=utf-8

            <p>Visit next <b id="season">spring</b>?</p><script>alert('script ran')</script><img src=x onerror="alert('handler ran')">
            --alt--
            --mixed
            Content-Type: application/pdf; name="programme.pdf"
            Content-Disposition: attachment; filename="programme.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --mixed--

            """.ReplaceLineEndings("\r\n"));

        await workspace.EnquiryAsync(reference);

        await Expect(workspace.Field("message")).ToContainTextAsync("Visit next spring?");
        await Expect(workspace.Field("attachments")).ToContainTextAsync("programme.pdf (application/pdf");
        var frame = workspace.Page.Locator("iframe");
        await Expect(frame).ToHaveAttributeAsync("sandbox", string.Empty);
        var html = await frame.GetAttributeAsync("srcdoc");
        Assert.Contains("spring", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        await workspace.Page.Locator("details summary").ClickAsync();
        await Expect(frame).ToBeVisibleAsync();
        Assert.Empty(dialogs);

        // A frame that may run no script cannot run axe either (the browser never gives it a script context): the
        // page is checked without it.
        await workspace.Page.EvaluateAsync("() => document.querySelector('iframe').remove()");
        Assert.Empty(await workspace.AccessibilityViolationsAsync());
    }
}
