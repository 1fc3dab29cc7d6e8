using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The workspace is for signed-in staff only: a browser without the session is sent to sign in, a script gets 401.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceSignInTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task Without_signing_in_the_worklist_sends_the_browser_to_sign_in_and_the_staff_api_answers_401()
    {
        await using var workspace = await WorkspaceBrowser.OpenAsync(browser, app);

        var page = await workspace.Api.GetAsync(workspace.Url("/api/workspace?state=ManualReview"), new() { MaxRedirects = 0 });
        Assert.Equal(302, page.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fworkspace%3Fstate%3DManualReview", page.Headers["location"]);
        Assert.DoesNotContain("worklist", await page.TextAsync(), StringComparison.OrdinalIgnoreCase);

        var api = await workspace.Api.GetAsync(workspace.Url("/api/staff/enquiries"));
        Assert.Equal(401, api.Status);

        var enquiry = await workspace.Api.GetAsync(workspace.Url("/api/workspace/enquiries/OPE-2611-7K3F"), new() { MaxRedirects = 0 });
        Assert.Equal(302, enquiry.Status);
    }

    [Fact]
    public async Task Signed_in_the_header_says_who_and_signing_out_ends_the_session()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        await Expect(workspace.Field("signed-in")).ToHaveTextAsync("Mei Chen");

        await Expect(workspace.Field("sign-out")).ToHaveAttributeAsync("href", "/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fworkspace");

        // Followed to the end, the sign-out would come back to the worklist and the local sign-in would sign in again at once.
        var signOut = await workspace.Api.GetAsync(workspace.Url("/.auth/logout?post_logout_redirect_uri=%2Fapi%2Fworkspace"), new() { MaxRedirects = 0 });
        Assert.Equal(302, signOut.Status);
        var page = await workspace.Api.GetAsync(workspace.Url("/api/workspace"), new() { MaxRedirects = 0 });
        Assert.Equal(302, page.Status);
        Assert.Equal(401, (await workspace.Api.GetAsync(workspace.Url("/api/staff/enquiries"))).Status);
    }

    [Fact]
    public async Task A_form_post_from_another_site_is_refused_and_changes_nothing()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        var before = await workspace.StaffViewAsync(reference);

        foreach (var headers in new[]
        {
            new Dictionary<string, string> { ["Origin"] = "https://attacker.example", ["Sec-Fetch-Site"] = "cross-site" },
            new Dictionary<string, string> { ["Origin"] = "https://attacker.example" },
            new Dictionary<string, string> { ["Sec-Fetch-Site"] = "same-site" },
            new Dictionary<string, string> { ["Origin"] = "null" },
        })
        {
            var status = await workspace.Api.PostAsync(workspace.Url($"/api/workspace/enquiries/{reference}/status"), new()
            {
                Headers = headers,
                Form = FormOf(workspace, ("status", "Declined")),
                MaxRedirects = 0,
            });
            Assert.Equal(403, status.Status);
            var correction = await workspace.Api.PostAsync(workspace.Url($"/api/workspace/enquiries/{reference}"), new()
            {
                Headers = headers,
                Form = FormOf(workspace, ("version", "x"), ("was.country", string.Empty), ("country", "SE")),
                MaxRedirects = 0,
            });
            Assert.Equal(403, correction.Status);
        }

        var after = await workspace.StaffViewAsync(reference);
        Assert.Equal(before.GetProperty("status").GetString(), after.GetProperty("status").GetString());
        Assert.Equal(WorkspaceBrowser.FactOf(before, "country"), WorkspaceBrowser.FactOf(after, "country"));
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
    }

    private static IFormData FormOf(WorkspaceBrowser workspace, params (string Name, string Value)[] fields)
    {
        var form = workspace.Api.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
