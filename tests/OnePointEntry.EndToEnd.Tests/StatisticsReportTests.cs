using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalFunctionsHost.Testing;
using OnePointEntry.Reports;
using OnePointEntry.Statistics;

namespace OnePointEntry.EndToEnd.Tests;

[Collection(FunctionAppCollection.Name)]
public sealed class StatisticsReportTests(FunctionAppFixture app)
{
    [Fact]
    public async Task After_a_history_import_and_live_visits_the_monthly_report_reaches_mail_and_Teams_with_the_figures_ope_stats_prints()
    {
        // The month the timer reports now; live enquiries are received today but their visits arrive in it.
        var month = MonthlyReportDelivery.MonthDue(DateTimeOffset.UtcNow);
        var yearEarlier = month.AddMonths(-12);
        var history = Path.Combine(Path.GetTempPath(), $"ope-history-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(history, $"""
            visitDate,country,region,city,sector,level,themes,delegationSize,organisation,receivedDate
            {Day(yearEarlier, 3)},CN,Guangdong,Shenzhen,public,municipal,energy-climate,10,Shenzhen Water Bureau,{Day(yearEarlier, 1)}
            {Day(yearEarlier, 9)},CN,,,private,,,8,"BYD, Europe",
            {Day(yearEarlier, 20)},DE,Bayern,München,academic,,,,TU München,
            {Day(month, 2)},JP,,,public,national,,5,"<script>alert('x')</script> Ministry",{Day(month, 1)}
            """);
        var (imported, importOutput) = await RunToolAsync("import", "--csv", history);
        Assert.True(imported == 0, importOutput);

        foreach (var (country, organisation) in new[] { ("Kina", "Qingdao Port Group"), ("China", "Ningbo Municipal Government"), ("USA", "Port of Seattle") })
        {
            // Unique per run, so that the intake does not take it for a repeat of an earlier run's enquiry.
            var reference = await SubmitAsync(country, $"{organisation} {Guid.NewGuid():N}");
            await app.WaitForStatusAsync(reference, "Routed");
            await PatchAsync(reference, new { status = "Accepted", changedBy = "anna@onepointentry.example" });
            await PatchAsync(reference, new { status = "VisitScheduled", changedBy = "anna@onepointentry.example", visitDate = Day(month, 15) });
        }

        using (var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/ReportMonthlyStatistics", UriKind.Relative)))
        {
            run.Content = JsonContent.Create(new { input = string.Empty });
            run.Headers.Add("x-functions-key", HostProcess.MasterKey);
            using var response = await app.Client.SendAsync(run);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var label = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Month) + " " + month.Year.ToString(CultureInfo.InvariantCulture);
        JsonNode? sent = null;
        JsonNode? card = null;
        Assert.True(
            await FunctionAppFixture.WaitForAsync(() =>
            {
                sent = app.StandIn.RequestsTo("POST", $"^/users/{app.StandIn.Mailbox}/messages$").Select(request => request.Json)
                    .FirstOrDefault(message => message?["subject"]?.GetValue<string>().Contains(label, StringComparison.Ordinal) == true);
                card = app.StandIn.PostedMessages.FirstOrDefault(message => message.ToJsonString().Contains(label, StringComparison.Ordinal));
                return Task.FromResult(sent is not null && card is not null);
            }),
            $"The report for {label} did not reach both stand-ins.{Environment.NewLine}{app.Host.Output}");

        // The figures: ope stats, the HTTP endpoint and the stored report agree, and they are right.
        var (code, printed) = await RunToolAsync("stats", "--month", month.ToString(), "--json");
        Assert.True(code == 0, printed);
        var figures = JsonDocument.Parse(printed).RootElement;
        Assert.Equal(JsonSerializer.Serialize(figures), JsonSerializer.Serialize(await GetStatisticsAsync(month)));
        var delegations = figures.GetProperty("delegationsFacilitated");
        Assert.Equal(4, delegations.GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 2, ["JP"] = 1, ["US"] = 1 }, delegations.GetProperty("byCountry").Deserialize<Dictionary<string, int>>());
        Assert.Equal(3, figures.GetProperty("previous").GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
        Assert.Equal(1.0 / 3, figures.GetProperty("growth").GetProperty("total").GetDouble());
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("growth").GetProperty("byCountry").GetProperty("US").ValueKind);
        Assert.Equal(1, figures.GetProperty("enquiriesReceived").GetProperty("total").GetInt32());

        // The mail shows those figures: the headline, every country's row, the month's delegations (encoded), the chart inline.
        var html = sent!["body"]!["content"]!.GetValue<string>();
        Assert.Contains($"{delegations.GetProperty("total").GetInt32()} delegations facilitated, up 33.3% from 3 in", html, StringComparison.Ordinal);
        foreach (var country in delegations.GetProperty("byCountry").EnumerateObject())
        {
            var share = ReportText.Percent(delegations.GetProperty("shareByCountry").GetProperty(country.Name).GetDouble());
            Assert.Contains($"<tr><th scope=\"row\">{ReportText.Default.CountryName(country.Name)} ({country.Name})</th><td class=\"n\">{country.Value.GetInt32()}</td><td class=\"n\">{share}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ministry", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var chart = Assert.Single(sent["attachments"]!.AsArray());
        Assert.True(chart!["isInline"]!.GetValue<bool>());
        Assert.Contains($"cid:{chart["contentId"]!.GetValue<string>()}", html, StringComparison.Ordinal);
        Assert.Equal(["management@onepointentry.example", "statistics@onepointentry.example"], sent["toRecipients"]!.AsArray().Select(to => to!["emailAddress"]!["address"]!.GetValue<string>()));

        // As the recipients got it: in the shared mailbox's Sent Items, the chart an inline PNG the HTML shows.
        var delivered = Assert.Single(app.StandIn.SentMail, mail => mail.Kind == "sendMail" && mail.Subject.Contains(label, StringComparison.Ordinal));
        var inline = Assert.Single(delivered.InlineImages);
        Assert.Equal("image/png", inline.ContentType);
        Assert.Equal("PNG"u8.ToArray(), Convert.FromBase64String(inline.ContentBytes)[1..4]);
        Assert.Contains($"cid:{inline.ContentId}", delivered.Html, StringComparison.Ordinal);

        // The card leads with the same number.
        var facts = card!.ToJsonString();
        Assert.Contains("\"title\":\"Delegations facilitated\",\"value\":\"4 ", facts, StringComparison.Ordinal);

        // An operator sends it again: one more mail and card, as new deliveries of the outbox.
        using (var resend = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/operations/statistics/{month}/report", UriKind.Relative)))
        {
            resend.Headers.Add("x-functions-key", HostProcess.FunctionKey);
            using var response = await app.Client.SendAsync(resend);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var subject = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").GetString();
            Assert.StartsWith($"report-{month}-", subject, StringComparison.Ordinal);
        }

        int Mailed() => app.StandIn.SentMail.Count(mail => mail.Subject.Contains(label, StringComparison.Ordinal));
        int Posted() => app.StandIn.PostedMessages.Count(message => message.ToJsonString().Contains(label, StringComparison.Ordinal));
        Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(Mailed() == 2 && Posted() == 2)), app.Host.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal((2, 2), (Mailed(), Posted()));
    }

    private static string Day(CalendarMonth month, int day) => new DateOnly(month.Year, month.Month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> SubmitAsync(string country, string organisation)
    {
        using var response = await app.Client.PostAsJsonAsync(new Uri("api/enquiries", UriKind.Relative), new
        {
            organisation,
            country,
            contactEmail = "office@example.org",
            delegationSize = 6,
            purpose = "Port logistics and green shipping; we would like to visit the Port of Copenhagen.",
            language = "en",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
    }

    private async Task PatchAsync(string reference, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"api/enquiries/{reference}/status", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> GetStatisticsAsync(CalendarMonth month)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/statistics/{month}", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Runs the <c>ope</c> tool as an operator would, against the app's storage.</summary>
    private static async Task<(int Code, string Output)> RunToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppPaths.ToolAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureWebJobsStorage"] = FunctionAppFixture.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, process.ExitCode == 0 ? await output : await output + await error);
    }
}
