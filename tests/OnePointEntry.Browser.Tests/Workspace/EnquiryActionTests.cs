using Microsoft.Playwright;
using OnePointEntry.EndToEnd.Tests;
using static Microsoft.Playwright.Assertions;

namespace OnePointEntry.Browser.Tests.Workspace;

/// <summary>The enquiry page's action forms: a status change, routing again, giving the screening to someone else and erasing personal data, each audited with who signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EnquiryActionTests(FunctionAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_status_change_with_a_note_is_saved_and_audited_and_a_visit_date_where_none_belongs_is_refused()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);

        await workspace.Field("status-to").SelectOptionAsync("Accepted");
        await workspace.Field("status-note").FillAsync("Glostrup Kommune will meet them.");
        await workspace.Field("status-visitDate").FillAsync("2027-04-01");
        var refused = await workspace.PostByAsync("status-submit");

        Assert.Equal(400, refused.Status);
        await Expect(workspace.Field("status-visitDate-error")).ToHaveTextAsync("A visit date goes only with a scheduled or completed visit.");
        await Expect(workspace.Field("status-to")).ToHaveValueAsync("Accepted");
        await Expect(workspace.Field("status-note")).ToHaveValueAsync("Glostrup Kommune will meet them.");
        await Expect(workspace.Field("status")).ToHaveTextAsync("Needs manual review");

        await workspace.Field("status-visitDate").FillAsync(string.Empty);
        var changed = await workspace.PostByAsync("status-submit");

        Assert.Equal(303, changed.Status);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("The status is changed.");
        await Expect(workspace.Field("status")).ToHaveTextAsync("Accepted");
        var row = workspace.Page.Locator("#history tbody tr").Filter(new() { HasText = "Status Needs manual review → Accepted" });
        await Expect(row).ToContainTextAsync("Glostrup Kommune will meet them.");
        await Expect(row).ToContainTextAsync(FunctionAppFixture.SignedInStaff);
        // From accepted, staff may schedule the visit; the form offers what may follow now.
        await Expect(workspace.Page.Locator("#status-to option[value='VisitScheduled']")).ToHaveCountAsync(1);
        await Expect(workspace.Field("reroute")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Scheduling_the_visit_without_its_day_is_refused_at_the_date_field()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);
        await workspace.Field("status-to").SelectOptionAsync("Accepted");
        Assert.Equal(303, (await workspace.PostByAsync("status-submit")).Status);

        await workspace.Field("status-to").SelectOptionAsync("VisitScheduled");
        var refused = await workspace.PostByAsync("status-submit");

        Assert.Equal(400, refused.Status);
        await Expect(workspace.Page.Locator("#error-summary a[href='#status-visitDate']")).ToContainTextAsync("Enter the day the visit arrives.");

        await workspace.Field("status-visitDate").FillAsync("2027-04-01");
        Assert.Equal(303, (await workspace.PostByAsync("status-submit")).Status);
        await Expect(workspace.Field("status")).ToHaveTextAsync("Visit scheduled");
    }

    [Fact]
    public async Task Routing_again_moves_the_enquiry_on_from_manual_review_and_is_audited()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);

        var answer = await workspace.PostByAsync("reroute");

        Assert.Equal(303, answer.Status);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("The enquiry is queued for routing again.");
        await Expect(workspace.Page.Locator("#history tbody tr").Filter(new() { HasText = "Status Needs manual review → Screened" })).ToContainTextAsync(FunctionAppFixture.SignedInStaff);
        var status = (await workspace.StaffViewAsync(reference)).GetProperty("status").GetString();
        Assert.True(status is "Screened" or "Routed" or "RoutingFailed", status);
    }

    [Fact]
    public async Task Two_enquiries_about_one_visit_are_marked_as_the_same_delegation_refused_the_other_way_round_and_unmarked()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (first, _) = await workspace.ManualReviewEnquiryAsync();
        var (second, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(second);

        await workspace.Field("same-as").FillAsync("not a reference");
        Assert.Equal(400, (await workspace.PostByAsync("same-submit")).Status);
        await Expect(workspace.Field("same-as-error")).ToHaveTextAsync("Write an enquiry reference such as OPE-2611-7K3F.");
        await Expect(workspace.Field("same-as")).ToHaveValueAsync("not a reference");

        await workspace.Field("same-as").FillAsync(first.ToLowerInvariant());
        Assert.Equal(303, (await workspace.PostByAsync("same-submit")).Status);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("The enquiry is marked as the same delegation as the other one, which alone counts in the statistics.");
        await Expect(workspace.Page.Locator($"#same-counted a[href^='/api/workspace/enquiries/{first}']")).ToHaveTextAsync(first);
        await Expect(workspace.Page.Locator("#history tbody tr").Filter(new() { HasText = first })).ToContainTextAsync(FunctionAppFixture.SignedInStaff);
        Assert.Equal(first, (await workspace.StaffViewAsync(second)).GetProperty("sameDelegationAs").GetString());

        await workspace.EnquiryAsync(first);
        await workspace.Field("same-as").FillAsync(second);
        Assert.Equal(409, (await workspace.PostByAsync("same-submit")).Status);
        await Expect(workspace.Field("same-as-error")).ToContainTextAsync("would count each other");

        await workspace.EnquiryAsync(second);
        Assert.Equal(303, (await workspace.PostByAsync("same-undo")).Status);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("The enquiry counts as a delegation of its own again.");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await workspace.StaffViewAsync(second)).GetProperty("sameDelegationAs").ValueKind);
    }

    [Fact]
    public async Task A_team_lead_erases_the_personal_data_only_once_confirmed()
    {
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);
        await Expect(workspace.Field("sender")).ToContainTextAsync("Zhou Min");

        var unconfirmed = await workspace.PostByAsync("erase-submit");

        Assert.Equal(400, unconfirmed.Status);
        await Expect(workspace.Field("erase-confirm-error")).ToHaveTextAsync("Tick the box to confirm the erasure.");
        await Expect(workspace.Field("sender")).ToContainTextAsync("Zhou Min");

        await workspace.Field("erase-confirm").CheckAsync();
        var erased = await workspace.PostByAsync("erase-submit");

        Assert.Equal(303, erased.Status);
        await Expect(workspace.Field("notice")).ToHaveTextAsync("The enquiry's personal data is erased.");
        await Expect(workspace.Field("sender")).Not.ToContainTextAsync("Zhou Min");
        await Expect(workspace.Field("erased")).ToBeVisibleAsync();
        await Expect(workspace.Page.Locator("main")).Not.ToContainTextAsync("Visit next spring?");
        Assert.NotNull((await workspace.StaffViewAsync(reference)).GetProperty("anonymisedAt").GetString());
    }

    [Fact]
    public async Task A_team_lead_gives_an_enquiry_in_manual_review_to_a_screener_who_then_has_it_in_the_calendar()
    {
        const string Sofie = "sofie.madsen@onepointentry.example";
        await using var workspace = await WorkspaceBrowser.SignedInAsync(browser, app);
        var (reference, _) = await workspace.ManualReviewEnquiryAsync();
        await workspace.EnquiryAsync(reference);
        // Only active staff are offered: Liu Fang is on leave.
        await Expect(workspace.Page.Locator($"#reassign-screener option[value='{Sofie}']")).ToHaveTextAsync("Sofie Lykke Madsen");
        await Expect(workspace.Page.Locator("#reassign-screener option[value='liu.fang@onepointentry.example']")).ToHaveCountAsync(0);

        var unchosen = await workspace.PostByAsync("reassign-submit");

        Assert.Equal(400, unchosen.Status);
        await Expect(workspace.Field("reassign-screener-error")).ToHaveTextAsync("Choose the person who should screen the enquiry.");

        await workspace.Field("reassign-screener").SelectOptionAsync(Sofie);
        var given = await workspace.PostByAsync("reassign-submit");

        Assert.Equal(303, given.Status);
        await Expect(workspace.Field("notice")).ToContainTextAsync("The screening is given to the person chosen");
        await Expect(workspace.Page.Locator("#history tbody tr").Filter(new() { HasText = "Screener" })).ToContainTextAsync(Sofie);
        await app.WaitForRoutingDeliveriesAsync(reference, Sofie);
        var routed = await workspace.StaffViewAsync(reference);
        Assert.Equal(("Routed", Sofie), (routed.GetProperty("status").GetString(), routed.GetProperty("screenerId").GetString()));
    }
}
