using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// A team lead gives a routed enquiry's screening to someone else through the staff API, against the real worker and
/// the Microsoft 365 stand-in: the block leaves the first screener's calendar and comes into the new one's, the one
/// Planner task is handed to the new screener, and the team's channel is told.
/// </summary>
[Collection(FunctionAppCollection.Name)]
public sealed class ScreenerReassignmentFlowTests(FunctionAppFixture app)
{
    private const string Sofie = "sofie.madsen@onepointentry.example";
    private const string Emma = "emma.hartmann@onepointentry.example";

    [Fact]
    public async Task The_event_and_the_task_move_to_the_new_screener_and_back_again()
    {
        var (reference, first) = await RoutedEnquiryAsync();
        var second = first == Sofie ? Emma : Sofie;
        using var teamLead = await app.SignedInClientAsync();

        using var moved = await teamLead.PutAsJsonAsync(new Uri($"api/staff/enquiries/{reference}/screener", UriKind.Relative), new { screener = second });

        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);
        await WaitUntilWithAsync(reference, second, first);
        var task = Assert.Single(app.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal));
        Assert.Equal([ObjectIdOf(second)], task.Assignments.Select(assignment => assignment.Key));
        Assert.Single(app.StandIn.PostedMessages, message => message.ToJsonString().Contains(reference, StringComparison.Ordinal) && message.ToJsonString().Contains("given to them by", StringComparison.Ordinal));

        var view = await teamLead.GetFromJsonAsync<JsonElement>(new Uri($"api/staff/enquiries/{reference}", UriKind.Relative));
        Assert.Equal(("Routed", second), (view.GetProperty("status").GetString(), view.GetProperty("screenerId").GetString()));
        Assert.Contains(
            view.GetProperty("history").EnumerateArray(),
            entry => entry.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String && field.GetString() == "screener"
                && entry.GetProperty("before").GetString() == first && entry.GetProperty("after").GetString() == second
                && entry.GetProperty("by").GetString() == FunctionAppFixture.SignedInStaff);
        Assert.Contains(view.GetProperty("deliveries").EnumerateArray(), delivery => delivery.GetProperty("state").GetString() == "Replaced" && delivery.GetProperty("recipient").GetString() == first);

        // Back to the first: their replaced deliveries are recorded anew, in place of the second's.
        using var back = await teamLead.PutAsJsonAsync(new Uri($"api/staff/enquiries/{reference}/screener", UriKind.Relative), new { screener = first });
        Assert.Equal(HttpStatusCode.Accepted, back.StatusCode);
        await WaitUntilWithAsync(reference, first, second);
        Assert.Equal([ObjectIdOf(first)], Assert.Single(app.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal)).Assignments.Select(assignment => assignment.Key));
    }

    [Fact]
    public async Task Nobody_active_by_that_id_is_a_422_a_malformed_body_a_400_and_the_screener_stays()
    {
        var (reference, first) = await RoutedEnquiryAsync();
        using var teamLead = await app.SignedInClientAsync();

        foreach (var nobody in new[] { "liu.fang@onepointentry.example", "nobody@onepointentry.example", "a/b#c" })
        {
            using var refused = await teamLead.PutAsJsonAsync(new Uri($"api/staff/enquiries/{reference}/screener", UriKind.Relative), new { screener = nobody });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using var malformed = await teamLead.PutAsync(new Uri($"api/staff/enquiries/{reference}/screener", UriKind.Relative), JsonContent.Create(new { screener = 42 }));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var view = await teamLead.GetFromJsonAsync<JsonElement>(new Uri($"api/staff/enquiries/{reference}", UriKind.Relative));
        Assert.Equal(("Routed", first), (view.GetProperty("status").GetString(), view.GetProperty("screenerId").GetString()));
    }

    private string ObjectIdOf(string mail) => app.StandIn.Users.Single(user => string.Equals(user.Mail, mail, StringComparison.OrdinalIgnoreCase)).Id;

    private async Task WaitUntilWithAsync(string reference, string screener, string previous) =>
        Assert.True(
            await FunctionAppFixture.WaitForAsync(() => Task.FromResult(
                app.StandIn.EventsOf(screener).Count(item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal)) == 1
                && !app.StandIn.EventsOf(previous).Any(item => item.Subject.StartsWith($"[{reference}]", StringComparison.Ordinal))
                && app.StandIn.PlannerTasks.Any(item => item.Title.StartsWith($"[{reference}]", StringComparison.Ordinal) && item.Assignments.Select(assignment => assignment.Key).SequenceEqual([ObjectIdOf(screener)])))),
            $"The screening of {reference} did not move from {previous} to {screener}.{Environment.NewLine}{app.Host.Output}");

    private async Task<(string Reference, string Screener)> RoutedEnquiryAsync()
    {
        using var form = new FormUrlEncodedContent(
        [
            new("organisation", "辽阳市人民政府"),
            new("country", "Kina"),
            new("city", "辽阳"),
            new("contactName", "Zhang Wei"),
            new("contactEmail", "zhang.wei@example.cn"),
            new("delegationSize", "6"),
            new("arrivalDate", "2027-05-04"),
            new("departureDate", "2027-05-06"),
            new("purpose", $"我们希望了解皮草产业和貂皮拍卖，并拜访格洛斯特鲁普市。({Guid.NewGuid():N})"),
            new("language", "zh"),
            new("website", string.Empty),
        ]);
        using var response = await app.Client.PostAsync(new Uri("api/enquiries", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        var routed = await app.WaitForStatusAsync(reference, "Routed");
        var screener = routed.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
        await app.WaitForRoutingDeliveriesAsync(reference, screener);
        return (reference, screener);
    }
}
