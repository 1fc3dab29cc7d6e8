using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Functions.Staff.SignIn;
using OnePointEntry.Statistics;

namespace OnePointEntry.Integration.Tests.Enquiries;

public sealed class ChangeEnquiryStatusTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();
    private string _reference = null!;

    public async Task InitializeAsync()
    {
        var request = HttpRequests.Json(SubmitEnquiryTests.ValidJson());
        var (_, _, _, body) = await (await _storage.Create<SubmitEnquiry>().Run(request, CancellationToken.None)).ExecuteAsync(request);
        _reference = body.GetProperty("reference").GetString()!;
        await _storage.Create<ScreenEnquiry>().Run(Assert.Single(await _storage.QueuedMessagesAsync()), 1, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _storage.DeleteAsync();

    [Fact]
    public async Task Staff_accept_a_screened_enquiry_and_the_change_is_audited_with_who_and_why()
    {
        var (status, _, body) = await PatchAsync(new { status = "Accepted", changedBy = "anna@onepointentry.example", note = "Glostrup can host them" });

        Assert.Equal(200, status);
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(("Received", "Screened", "system:screening"), (history[0].GetProperty("from").GetString(), history[0].GetProperty("to").GetString(), history[0].GetProperty("changedBy").GetString()));
        Assert.Equal(("Screened", "Accepted", "anna@onepointentry.example", "Glostrup can host them"), (history[1].GetProperty("from").GetString(), history[1].GetProperty("to").GetString(), history[1].GetProperty("changedBy").GetString(), history[1].GetProperty("note").GetString()));
    }

    [Fact]
    public async Task The_whole_lifecycle_can_be_walked_and_the_status_endpoint_shows_the_history()
    {
        foreach (var next in new[] { "Accepted", "Mediated", "VisitScheduled", "Completed" })
        {
            Assert.Equal(200, (await PatchAsync(new { status = next, changedBy = "anna@onepointentry.example" })).Status);
        }

        var request = HttpRequests.Get($"/api/enquiries/{_reference}");
        var (_, _, _, body) = await (await _storage.Create<GetEnquiry>().Run(request, _reference, CancellationToken.None)).ExecuteAsync(request);
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.Equal(["Screened", "Accepted", "Mediated", "VisitScheduled", "Completed"], body.GetProperty("history").EnumerateArray().Select(change => change.GetProperty("to").GetString()));
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Routed")]
    [InlineData("Received")]
    public async Task A_change_the_lifecycle_does_not_allow_is_a_409_and_changes_nothing(string target)
    {
        var (status, contentType, body) = await PatchAsync(new { status = target, changedBy = "anna@onepointentry.example" });

        Assert.Equal(409, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Contains("Screened", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Screened", (await _storage.StoredEnquiriesAsync()).Single().GetString("Status"));
    }

    [Fact]
    public async Task Setting_the_status_it_already_has_writes_nothing()
    {
        await PatchAsync(new { status = "Accepted", changedBy = "anna@onepointentry.example" });

        var (status, _, body) = await PatchAsync(new { status = "accepted", changedBy = "anna@onepointentry.example" });

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_status_and_a_missing_changer_are_named_in_a_400()
    {
        var (status, _, body) = await PatchAsync(new { status = "Approved", note = new string('x', 3000) });

        Assert.Equal(400, status);
        Assert.Equal(["changedBy", "note", "status"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_signed_in_user_from_app_service_authentication_is_the_changer()
    {
        var (_, _, body) = await PatchAsync(new { status = "Declined", changedBy = "someone-else" }, principal: "lead@onepointentry.example", behindSignIn: true);

        Assert.Equal("lead@onepointentry.example", body.GetProperty("history")[1].GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task A_principal_header_is_ignored_where_no_app_service_authentication_vouches_for_it()
    {
        var (_, _, body) = await PatchAsync(new { status = "Declined", changedBy = "script@onepointentry.example" }, principal: "forged@onepointentry.example");

        Assert.Equal("script@onepointentry.example", body.GetProperty("history")[1].GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task Scheduling_the_visit_counts_the_delegation_in_its_arrival_month_and_moving_it_moves_the_count()
    {
        await PatchAsync(new { status = "Accepted", changedBy = "anna@onepointentry.example" });
        var statistics = _storage.Services.GetRequiredService<IStatisticsStore>();

        var (status, _, body) = await PatchAsync(new { status = "VisitScheduled", changedBy = "anna@onepointentry.example", visitDate = "2027-03-09" });
        Assert.Equal(200, status);
        Assert.Equal("2027-03-09", Assert.Single(await statistics.ListDelegationsAsync(new CalendarMonth(2027, 3), new CalendarMonth(2027, 3), CancellationToken.None)).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        (status, _, body) = await PatchAsync(new { status = "VisitScheduled", changedBy = "anna@onepointentry.example", visitDate = "2027-04-02" });
        Assert.Equal(200, status);
        Assert.Equal("Visit arrives 2027-04-02.", body.GetProperty("history")[3].GetProperty("note").GetString());
        Assert.Empty(await statistics.ListDelegationsAsync(new CalendarMonth(2027, 3), new CalendarMonth(2027, 3), CancellationToken.None));
        Assert.Single(await statistics.ListDelegationsAsync(new CalendarMonth(2027, 4), new CalendarMonth(2027, 4), CancellationToken.None));

        Assert.Equal(200, (await PatchAsync(new { status = "Declined", changedBy = "anna@onepointentry.example", note = "Trip cancelled" })).Status);
        Assert.Empty(await statistics.ListDelegationsAsync(new CalendarMonth(2027, 1), new CalendarMonth(2027, 12), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_visit_date_the_asked_for_arrival_counts()
    {
        await PatchAsync(new { status = "Accepted", changedBy = "anna@onepointentry.example" });

        Assert.Equal(200, (await PatchAsync(new { status = "VisitScheduled", changedBy = "anna@onepointentry.example" })).Status);

        var counted = await _storage.Services.GetRequiredService<IStatisticsStore>().ListDelegationsAsync(new CalendarMonth(2027, 3), new CalendarMonth(2027, 3), CancellationToken.None);
        Assert.Equal(new DateOnly(2027, 3, 10), Assert.Single(counted).Date);
    }

    [Theory]
    [InlineData("Accepted", "2027-03-09")]
    [InlineData("VisitScheduled", "9 March 2027")]
    public async Task A_visit_date_with_another_status_or_not_a_date_is_named_in_a_400(string target, string visitDate)
    {
        var (status, _, body) = await PatchAsync(new { status = target, changedBy = "anna@onepointentry.example", visitDate });

        Assert.Equal(400, status);
        Assert.Equal(["visitDate"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_unknown_enquiry_is_a_404()
    {
        _reference = "OPE-2611-ZZZZ";

        Assert.Equal(404, (await PatchAsync(new { status = "Accepted", changedBy = "anna@onepointentry.example" })).Status);
    }

    private async Task<(int Status, string ContentType, JsonElement Body)> PatchAsync(object body, string? principal = null, bool behindSignIn = false)
    {
        // The audit orders changes by when they were made; staff changes are seconds apart, not frozen in time.
        _storage.Time.Advance(TimeSpan.FromSeconds(1));
        var request = HttpRequests.Json(body);
        request.Method = HttpMethods.Patch;
        if (principal is not null)
        {
            request.SignedInAs(principal, StaffRole.Staff);
        }

        var (status, _, contentType, json) = await (await (behindSignIn ? _storage.CreateBehindSignIn<ChangeEnquiryStatus>() : _storage.Create<ChangeEnquiryStatus>()).Run(request, _reference, CancellationToken.None)).ExecuteAsync(request);
        return (status, contentType, json);
    }
}
