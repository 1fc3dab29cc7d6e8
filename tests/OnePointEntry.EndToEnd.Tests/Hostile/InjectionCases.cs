using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Text meant to be read as markup, headers, table queries or spreadsheet formulas: stored as typed, and shown as
/// text wherever it goes (HTML-encoded pages and briefs, one-line subjects, escaped Teams Markdown, parameterised
/// table queries); where a field's format rules it out, refused by name.
/// </summary>
public static class InjectionCases
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("Script tag in organisation is stored as typed", () => Json("organisation", "<script>alert(1)</script>"),
            Expected.Accepted(enquiry => Assert.Equal("<script>alert(1)</script>", Expected.Text(enquiry.View, "organisation")))),
        new("HTML in organisation is escaped in the form page that shows an error", () => FormPost(new() { ["organisation"] = "<img src=x onerror=alert(1)>", ["contactEmail"] = "not-an-address" }, html: true),
            Expected.HtmlPage(422, page =>
            {
                Assert.DoesNotContain("<img src=x", page, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
            })),
        new("Attribute breakout in city is stored as typed", () => Json("city", "\" autofocus onfocus=\"alert(1)"), Expected.Accepted()),
        new("Header injection through contactName", () => Json("contactName", "Ann\r\nBcc: everyone@example.org"), Expected.Refused("contactName")),
        new("Header injection through an encoded mail subject becomes one line in the acknowledgement", () => RawMail(MailText(
                subject: $"=?utf-8?b?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Visit\r\nBcc: everyone@example.org\r\n\r\n<b>body</b>"))}?=",
                from: $"Ann <ann-header-{Unique()}@example.org>")),
            Expected.AcceptedThen(async enquiry =>
            {
                var sender = enquiry.Stored("ContactEmail")!;
                Assert.True(await FunctionAppFixture.WaitForAsync(() => Task.FromResult(enquiry.App.StandIn.SentMail.Any(mail => mail.To.Contains(sender)))));
                var acknowledgement = enquiry.App.StandIn.SentMail.Single(mail => mail.To.Contains(sender));
                Assert.True(IsOneCleanLine(acknowledgement.Subject));
                Assert.True(acknowledgement.Subject.Length <= 255);
                Assert.DoesNotContain("everyone@example.org", acknowledgement.To);
            })),
        new("Newline in language", () => Json("language", "en\r\nX-Evil: 1"), Expected.Refused("language")),
        new("OData filter syntax in organisation is stored as typed", () => Json("organisation", "x' or PartitionKey ne 'y"),
            Expected.Accepted(enquiry => Assert.Equal("x' or PartitionKey ne 'y", Expected.Text(enquiry.View, "organisation")))),
        new("OData filter syntax in contactEmail", () => Json("contactEmail", "x' or 'a' eq 'a@example.org"), Expected.Refused("contactEmail")),
        new("OData filter syntax in a reference", () => Get("api/enquiries/OPE-2611-7K3F'%20or%20RowKey%20ne%20'x"), Expected.BadRequest),
        new("OData filter syntax in a statistics period", () => Get("api/statistics/2026'%20or%20true"), Expected.BadRequest),
        new("OData filter syntax in an erasure's reference", () => Erasure("{\"changedBy\":\"anna\"}", "OPE-2611-7K3F'%20or%20''%20eq%20'"), Expected.BadRequest),
        new("Reference with a path traversal", () => Get("api/enquiries/..%2F..%2Fadmin"), Expected.BadRequest),
        new("SQL in organisation is stored as typed", () => Json("organisation", "Robert'); DROP TABLE Enquiries;--"), Expected.Accepted()),
        new("Spreadsheet formula =HYPERLINK in organisation is stored as typed", () => Json("organisation", "=HYPERLINK(\"https://evil.example\",\"Open\")"),
            Expected.Accepted(enquiry => Assert.StartsWith("=HYPERLINK", Expected.Text(enquiry.View, "organisation"), StringComparison.Ordinal))),
        new("Spreadsheet formula +SUM in city is stored as typed", () => Json("city", "+SUM(1+1)*cmd|' /C calc'!A0"), Expected.Accepted()),
        new("Spreadsheet formula -2+3 in contactName is stored as typed", () => Json("contactName", "-2+3+cmd|' /C calc'!A0"), Expected.Accepted()),
        new("Spreadsheet formula @SUM in referredBy is stored as typed", () => Json("referredBy", "@SUM(1+1)"), Expected.Accepted()),
        new("JSON breakout in organisation is stored as typed", () => Json("organisation", "\",\"status\":\"Routed\",\"x\":\""),
            Expected.Accepted(enquiry => Assert.Equal("\",\"status\":\"Routed\",\"x\":\"", Expected.Text(enquiry.View, "organisation")))),
        new("Path traversal as a theme id", () => Json("themes", new[] { "../../etc/passwd" }), Expected.Refused("themes")),
        new("__proto__ field is ignored", () => JsonRaw("__proto__", "{\"admin\":true}"), Expected.Accepted()),
        new("Markdown link and HTML in an organisation reach the calendar, Planner and Teams as text", () => Routable("[click](https://evil.example) <script>alert(1)</script> **Org**"),
            Expected.AcceptedThen(async enquiry =>
            {
                var routed = await enquiry.App.WaitForStatusAsync(enquiry.Reference, "Routed");
                var screener = routed.GetProperty("decision").GetProperty("screener").GetProperty("staffId").GetString()!;
                // Routed means recorded in the outbox; the event, task and card arrive a moment later.
                await enquiry.App.WaitForRoutingDeliveriesAsync(enquiry.Reference, screener);
                var booked = Assert.Single(enquiry.App.StandIn.EventsOf(screener), item => item.Subject.StartsWith($"[{enquiry.Reference}]", StringComparison.Ordinal));
                Assert.DoesNotContain("<script", booked.Body, StringComparison.OrdinalIgnoreCase);
                var task = Assert.Single(enquiry.App.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{enquiry.Reference}]", StringComparison.Ordinal));
                Assert.True(IsOneCleanLine(task.Title));
                var card = Assert.Single(enquiry.App.StandIn.PostedMessages, message => message.ToJsonString().Contains(enquiry.Reference, StringComparison.Ordinal)).ToJsonString();
                Assert.DoesNotContain("[click](https://evil.example)", card, StringComparison.Ordinal);
            })),
        new("A 200-character organisation gives a calendar subject and Planner title of at most 255 characters", () => Routable(new string('W', 200)),
            Expected.AcceptedThen(async enquiry =>
            {
                await enquiry.App.WaitForStatusAsync(enquiry.Reference, "Routed");
                var task = Assert.Single(enquiry.App.StandIn.PlannerTasks, item => item.Title.StartsWith($"[{enquiry.Reference}]", StringComparison.Ordinal));
                Assert.InRange(task.Title.Length, 1, 255);
                Assert.Matches(@"…? \(CN\), priority \w+$", task.Title);
            })),
    ];

    /// <summary>An enquiry screening routes to a screener (as in the form flow test), with <paramref name="organisation"/>.</summary>
    private static HttpRequestMessage Routable(string organisation) => Json(form =>
    {
        form["organisation"] = organisation;
        form["country"] = "Kina";
        form["city"] = "辽阳";
        form["delegationSize"] = "6";
        form["purpose"] = $"我们希望了解皮草产业和貂皮拍卖，并拜访格洛斯特鲁普市。{Unique()}";
        form["language"] = "zh";
    });
}
