using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Testing;

namespace OnePointEntry.EndToEnd.Tests;

/// <summary>
/// The staff API under the local host's sign-in (App Service Authentication played locally): a mail that went to
/// manual review is in the worklist, staff correct its country and sector, and the month's statistics count the
/// corrected facts; a request without the platform's sign-in gets nothing, whatever headers it forges.
/// </summary>
[Collection(FunctionAppCollection.Name)]
public sealed class StaffWorkspaceTests(FunctionAppFixture app)
{
    [Fact]
    public async Task Without_a_staff_sign_in_the_staff_api_answers_401_even_with_a_forged_principal()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","name_typ":"preferred_username","role_typ":"roles","claims":[{"typ":"preferred_username","val":"intruder@example.com"},{"typ":"roles","val":"TeamLead"}]}"""));
        foreach (var path in new[] { "api/staff/enquiries", "api/staff/me", "api/staff/enquiries/OPE-2611-7K3F" })
        {
            using var anonymous = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", forged);
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "intruder@example.com");
            request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
            using var withForgery = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, withForgery.StatusCode);
            Assert.Equal("application/problem+json", withForgery.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_mail_in_manual_review_is_in_the_worklist_and_corrections_of_country_and_sector_reach_the_statistics()
    {
        using var staff = await app.SignedInClientAsync();
        var me = await staff.GetFromJsonAsync<JsonElement>(new Uri("api/staff/me", UriKind.Relative));
        Assert.Equal(FunctionAppFixture.SignedInStaff, me.GetProperty("name").GetString());

        // Too little to screen: no theme, three words. Intake acknowledges it and screening sends it to a person.
        var domain = $"harbin-{Guid.NewGuid().ToString("N")[..8]}.example.cn";
        await app.StandIn.DeliverAsync($"""
            From: Zhou Min <zhou.min@{domain}>
            To: {app.StandIn.Mailbox}
            Subject: Visit?
            Message-ID: <{Guid.NewGuid():N}@{domain}>
            Date: {DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture)}
            Content-Type: text/plain; charset=utf-8

            Next spring?

            """.ReplaceLineEndings("\r\n"));

        JsonElement entry = default;
        Assert.True(
            await FunctionAppFixture.WaitForAsync(async () =>
            {
                var worklist = await staff.GetFromJsonAsync<JsonElement>(new Uri($"api/staff/enquiries?state=ManualReview&q={domain}", UriKind.Relative));
                var entries = worklist.GetProperty("entries").EnumerateArray().ToList();
                entry = entries.FirstOrDefault();
                return entries.Count == 1 && worklist.GetProperty("counts").GetProperty("ManualReview").GetInt32() >= 1;
            }),
            $"The mail did not reach the worklist.{Environment.NewLine}{app.Host.Output}");
        var reference = entry.GetProperty("reference").GetString()!;
        var month = TimeZoneInfo.ConvertTime(entry.GetProperty("receivedAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        using var page = await staff.GetAsync(new Uri($"api/staff/enquiries/{reference}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var etag = page.Headers.ETag!;
        var enquiry = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NeedsManualReview", enquiry.GetProperty("status").GetString());
        Assert.Contains("Next spring?", enquiry.GetProperty("original").GetProperty("text").GetString(), StringComparison.Ordinal);
        var before = await StatisticsAsync(month);

        using var corrected = await PatchAsync(staff, reference, etag, new { country = "IS", sector = "academic" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var after = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("IS", Fact(after, "country"));
        Assert.Equal("academic", Fact(after, "sector"));
        var audit = after.GetProperty("history").EnumerateArray().Where(row => row.GetProperty("kind").GetString() == "correction").ToList();
        Assert.Equal(["country", "sector"], audit.Select(row => row.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.All(audit, row => Assert.Equal(FunctionAppFixture.SignedInStaff, row.GetProperty("by").GetString()));

        // Someone who read the enquiry before the correction loses nothing and saves nothing.
        using var stale = await PatchAsync(staff, reference, etag, new { country = "NO" });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.NotEqual(etag, stale.Headers.ETag);

        // The function-key status endpoint shows the facts as they stand, as the statistics count them.
        using var statusRequest = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/enquiries/{reference}", UriKind.Relative));
        statusRequest.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var status = await app.Client.SendAsync(statusRequest);
        var shown = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("IS", "academic"), (shown.GetProperty("country").GetString(), shown.GetProperty("sector").GetString()));

        var received = (await StatisticsAsync(month)).GetProperty("enquiriesReceived");
        var earlier = before.GetProperty("enquiriesReceived");
        Assert.Equal(Count(earlier, "byCountry", "IS") + 1, Count(received, "byCountry", "IS"));
        Assert.Equal(Count(earlier, "bySector", "academic") + 1, Count(received, "bySector", "academic"));
        Assert.Equal(earlier.GetProperty("total").GetInt32(), received.GetProperty("total").GetInt32());
    }

    private static string? Fact(JsonElement enquiry, string name) =>
        enquiry.GetProperty("facts").EnumerateArray().Single(fact => fact.GetProperty("name").GetString() == name).GetProperty("value").GetString();

    private static int Count(JsonElement breakdown, string dimension, string key) =>
        breakdown.GetProperty(dimension).TryGetProperty(key, out var value) ? value.GetInt32() : 0;

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient staff, string reference, EntityTagHeaderValue etag, object corrections)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"api/staff/enquiries/{reference}", UriKind.Relative))
        {
            Content = JsonContent.Create(corrections),
        };
        request.Headers.IfMatch.Add(etag);
        return await staff.SendAsync(request);
    }

    private async Task<JsonElement> StatisticsAsync(string month)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/statistics/{month}", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
