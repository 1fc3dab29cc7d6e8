using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Page;
using Xunit;

namespace Microsoft365StandIn.Tests.Page;

public sealed partial class StandInPageTests
{
    private const string Nonce = "n0nce-Test";

    /// <summary>The first bytes of a PNG, as base64: enough for a data: URI to be checked end to end.</summary>
    private const string PngBytes = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";

    [Fact]
    public void An_empty_state_renders_a_whole_document_that_says_what_will_appear_and_how()
    {
        var html = Render("""{ "generatedAt": "2026-12-08T09:20:00Z" }""");

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\">", html, StringComparison.Ordinal);
        Assert.Contains("reloads every 5 seconds", html, StringComparison.Ordinal);
        Assert.Contains("<style nonce=\"" + Nonce + "\">", html, StringComparison.Ordinal);
        Assert.Contains("No calendar has events yet", html, StringComparison.Ordinal);
        Assert.Contains("No mail sent yet", html, StringComparison.Ordinal);
        Assert.Contains("No channel has received a post yet", html, StringComparison.Ordinal);
        Assert.Contains("<code>ope mail send</code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#mail\">Mail sent</a> <span class=\"count\">no mail yet</span>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_anywhere_in_the_state_is_shown_as_text_and_never_becomes_markup()
    {
        const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        var text = JsonValue.Create(Hostile).ToJsonString();
        var html = Render($$"""
            {
              "generatedAt": "2026-12-08T09:20:00Z",
              "mailbox": {{text}},
              "users": [ { "id": "u1", "displayName": {{text}}, "mail": "a@example.dk" } ],
              "mailFolders": [ { "id": "f", "displayName": {{text}}, "messages": [ { "subject": {{text}}, "from": {{text}}, "text": "x" } ] } ],
              "sentMail": [ { "kind": "reply", "sentDateTime": "2026-12-08T08:00:00Z", "from": "a@example.dk", "to": [ {{text}} ],
                              "subject": {{text}}, "text": {{text}}, "headers": { "X-Hostile": {{text}} } } ],
              "calendars": [ { "userId": "u1", "events": [ { "subject": {{text}}, "start": "2026-12-08T09:00:00Z", "end": "2026-12-08T09:30:00Z",
                                                              "categories": [ {{text}} ], "showAs": {{text}}, "bodyContentType": "text", "body": {{text}} } ] } ],
              "planner": { "plans": [ { "title": {{text}}, "buckets": [ { "name": {{text}}, "tasks": [
                { "title": {{text}}, "description": {{text}}, "assignees": [ { "id": "u1" } ] } ] } ] } ] },
              "teams": { "channels": [ { "name": {{text}}, "messages": [ { "receivedAt": "2026-12-08T09:00:00Z", "cards": [
                { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "body": [
                  { "type": "TextBlock", "text": {{text}} },
                  { "type": "FactSet", "facts": [ { "title": {{text}}, "value": {{text}} } ] },
                  { "type": {{text}} } ],
                  "actions": [ { "type": "Action.Submit", "title": {{text}} } ] } } ] } ] } ] },
              "subscriptions": [ { "resource": {{text}}, "changeType": "created", "notificationUrl": {{text}}, "expirationDateTime": "2026-12-10T00:00:00Z" } ],
              "faults": [ { "status": 429, "pathContains": {{text}} } ]
            }
            """);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"><img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("unsupported element: &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_loads_nothing_and_styles_nothing_outside_its_nonced_style_element()
    {
        var html = Render($$"""
            {
              "generatedAt": "2026-12-08T09:20:00Z",
              "sentMail": [ { "kind": "sendMail", "sentDateTime": "2026-12-08T08:00:00Z", "subject": "s", "to": [],
                "html": "<p style=\"position:fixed;inset:0\" class=\"topbar\" id=\"main\" onclick=\"alert(1)\">Hi</p><img src=\"https://tracker.example.net/p.gif\" alt=\"pixel\"><a href=\"javascript:alert(1)\">j</a><a href=\"https://ope.example/ok\">ok</a><iframe src=\"https://evil.example\"></iframe><form action=\"https://evil.example\"><input name=\"q\"></form><style>body{display:none}</style><script>alert(3)</script>" } ],
              "teams": { "channels": [ { "name": "c", "messages": [ { "cards": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": {
                "type": "AdaptiveCard", "body": [ { "type": "Image", "url": "https://cdn.example.com/logo.png", "altText": "Partner logo" },
                                                  { "type": "Image", "url": "data:image/png;base64,{{PngBytes}}", "altText": "Inline" } ] } } ] } ] } ] }
            }
            """);

        Assert.Single(StyleElement().Matches(html));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=\"main\">Hi", html, StringComparison.Ordinal);
        Assert.All(Source().Matches(html), source => Assert.StartsWith("data:image/", source.Groups[1].Value, StringComparison.Ordinal));
        Assert.Contains("[image not shown: pixel]", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ope.example/ok\">ok</a>", html, StringComparison.Ordinal);
        Assert.Contains("Partner logo", html, StringComparison.Ordinal);
        Assert.Contains("from cdn.example.com, not loaded", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64," + PngBytes + "\" alt=\"Inline\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cid_reference_in_a_mail_shows_the_inline_image_with_the_same_content_id()
    {
        var html = Render($$"""
            {
              "generatedAt": "2026-12-08T09:20:00Z",
              "sentMail": [ { "kind": "sendMail", "sentDateTime": "2026-12-01T05:00:00Z", "subject": "Delegation statistics November 2026", "to": [ "management@example.dk" ],
                "html": "<h1>Delegation statistics November 2026</h1><img src=\"cid:delegations-chart\" alt=\"Delegations per month\"><img src=\"cid:not-attached\" alt=\"Missing\">",
                "inlineImages": [ { "contentId": "<Delegations-Chart>", "contentType": "image/png", "contentBytes": "{{PngBytes}}" } ] } ],
              "acsMails": [ { "operationId": "op", "status": "Succeeded", "senderAddress": "DoNotReply@example.dk", "to": [ "d@example.dk" ], "subject": "ACS report",
                "html": "<p><img src=\"cid:chart\" alt=\"ACS chart\"></p>", "inlineImages": [ { "contentId": "chart", "contentType": "image/png", "contentBytes": "{{PngBytes}}" } ],
                "receivedAt": "2026-11-01T05:00:00Z" } ]
            }
            """);

        Assert.Contains("<img src=\"data:image/png;base64," + PngBytes + "\" alt=\"Delegations per month\">", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/png;base64," + PngBytes + "\" alt=\"ACS chart\">", html, StringComparison.Ordinal);
        Assert.Contains("[image not shown: Missing]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:delegations-chart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Inline images the body does not show", html, StringComparison.Ordinal);
        Assert.True(
            html.IndexOf("Delegation statistics November 2026</h3>", StringComparison.Ordinal) < html.IndexOf("ACS report</h3>", StringComparison.Ordinal),
            "The newer mail comes first.");
    }

    [Fact]
    public void Text_blocks_render_the_markdown_subset_and_links_only_to_web_and_mail_addresses()
    {
        var html = RenderCard("""
            { "type": "TextBlock", "wrap": true,
              "text": "**Bold** and _italic_ and [the enquiry](https://ope.example/enquiries/OPE-2612-7K3F) and [bad](javascript:alert(1)) and snake_case_name\n- first\n- **second**\n\n1. one\n2. two" }
            """);

        Assert.Contains("<p><strong>Bold</strong> and <em>italic</em> and <a href=\"https://ope.example/enquiries/OPE-2612-7K3F\">the enquiry</a> and bad and snake_case_name</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>first</li><li><strong>second</strong></li></ul><ol><li>one</li><li>two</li></ol>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_the_app_escaped_for_markdown_shows_as_the_sender_typed_it()
    {
        // What TeamsWorkflowsNotifier.EscapeMarkdown makes of "**Shanghai** [link](https://evil.example) - (CN)".
        var html = RenderCard("""
            { "type": "FactSet", "facts": [ { "title": "Organisation", "value": "\\*\\*Shanghai\\*\\* \\[link\\]\\(https://evil.example\\) \\- \\(CN\\)" } ] }
            """);

        // The address itself is linked, as Teams links a bare address; the text "link" is not made a link.
        Assert.Contains("<dd>**Shanghai** [link](<a href=\"https://evil.example/\">https://evil.example</a>) - (CN)</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Shanghai", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">link</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_element_is_noted_not_dropped_unless_the_card_gives_a_fallback()
    {
        var html = RenderCard("""
            { "type": "Carousel", "pages": [] },
            { "type": "Badge", "text": "new", "fallback": { "type": "TextBlock", "text": "Fallback text" } },
            { "type": "Icon", "name": "Calendar", "fallback": "drop" },
            { "type": "TextBlock", "text": "After the unknown ones" }
            """);

        Assert.Contains("unsupported element: Carousel", html, StringComparison.Ordinal);
        Assert.Contains("Fallback text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported element: Badge", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported element: Icon", html, StringComparison.Ordinal);
        Assert.Contains("After the unknown ones", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_open_web_links_and_show_what_needs_teams_as_disabled_buttons()
    {
        var html = Render("""
            { "generatedAt": "2026-12-08T09:20:00Z", "teams": { "channels": [ { "name": "c", "messages": [ { "cards": [
              { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "body": [],
                "actions": [ { "type": "Action.OpenUrl", "title": "Open the enquiry", "url": "https://ope.example/enquiries/OPE-2612-7K3F" },
                             { "type": "Action.Submit", "title": "Accept" },
                             { "type": "Action.ShowCard", "title": "Comment", "card": { "type": "AdaptiveCard" } } ] } } ] } ] } ] } }
            """);

        Assert.Contains("href=\"https://ope.example/enquiries/OPE-2612-7K3F\">Open the enquiry</a>", html, StringComparison.Ordinal);
        Assert.Matches("<button type=\"button\" class=\"[^\"]*\" disabled[^>]*>Accept", html);
        Assert.Matches("<button type=\"button\" class=\"[^\"]*\" disabled[^>]*>Comment", html);
    }

    [Theory]
    [InlineData("2026-12-07T08:00:00Z", "2026-12-07T08:30:00Z", "CET")]
    [InlineData("2026-07-06T07:00:00Z", "2026-07-06T07:30:00Z", "CEST")]
    public void An_event_is_placed_by_its_copenhagen_time_in_winter_and_in_summer(string start, string end, string zone)
    {
        var html = Render($$"""
            { "generatedAt": "2026-12-08T09:20:00Z", "calendars": [ { "userId": "u1", "displayName": "Mei Lin Sørensen", "events": [
              { "subject": "Screening OPE-2612-7K3F", "start": "{{start}}", "end": "{{end}}", "showAs": "busy", "categories": [ "Screening" ] } ] } ] }
            """);

        // 09:00 to 09:30 in Copenhagen: one hour of the nine shown (08:00 to 17:00) from the top, half an hour high.
        var monday = DayColumn(html, "Mon");
        Assert.Contains($"<time datetime=\"{start}\">09:00</time>–<time datetime=\"{end}\">09:30</time> · <span class=\"ev-cats\">Screening</span>", monday, StringComparison.Ordinal);
        Assert.Equal("top:11.111%;height:5.556%;left:0%;width:100%", PlacementOf(html, "Screening OPE-2612-7K3F"));
        Assert.Contains($"Times in Copenhagen time ({zone}, UTC+{(zone == "CET" ? 1 : 2)})", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_week_shown_is_that_of_the_earliest_event_not_yet_over_and_others_are_listed_below()
    {
        var html = Render("""
            { "generatedAt": "2026-12-08T09:20:00Z", "calendars": [ { "userId": "u1", "displayName": "Søren Østergaard", "events": [
              { "subject": "Past week", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T09:30:00Z" },
              { "subject": "Next week", "start": "2026-12-15T09:00:00Z", "end": "2026-12-15T09:30:00Z" },
              { "subject": "Overlapping A", "start": "2026-12-09T13:00:00Z", "end": "2026-12-09T14:00:00Z" },
              { "subject": "Overlapping B", "start": "2026-12-09T13:30:00Z", "end": "2026-12-09T14:30:00Z" },
              { "subject": "Evening", "start": "2026-12-10T18:00:00Z", "end": "2026-12-10T19:00:00Z" } ] } ] }
            """);

        Assert.Contains("Week 50, 7 Dec–11 Dec 2026", html, StringComparison.Ordinal);
        // 14:00–15:00 and 14:30–15:30 in Copenhagen: six and six and a half hours from the top, side by side.
        Assert.Equal("top:66.667%;height:11.111%;left:0%;width:50%", PlacementOf(html, "Overlapping A"));
        Assert.Equal("top:72.222%;height:11.111%;left:50%;width:50%", PlacementOf(html, "Overlapping B"));
        var below = html[html.IndexOf("Not in this view (3)", StringComparison.Ordinal)..];
        Assert.Contains("Past week</td><td></td><td>another week", below, StringComparison.Ordinal);
        Assert.Contains("Next week</td><td></td><td>another week", below, StringComparison.Ordinal);
        Assert.Contains("Evening</td><td></td><td>outside 08:00–17:00", below, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planner_task_shows_its_title_due_date_assignees_by_name_and_a_description_preview()
    {
        var html = Render("""
            { "generatedAt": "2026-12-08T09:20:00Z",
              "users": [ { "id": "u2", "displayName": "Søren Østergaard" } ],
              "planner": { "plans": [ { "title": "One-Point Entry screening", "buckets": [
                { "name": "Screening", "tasks": [ { "title": "[OPE-2612-Q9ZD] Screen: Aarhus Kommune (DK)", "dueDateTime": "2026-12-07T15:00:00Z", "percentComplete": 0,
                  "assignees": [ { "id": "u2" } ], "description": "Reference: OPE-2612-Q9ZD\nOrganisation: Aarhus Kommune" } ] },
                { "name": "Done", "tasks": [] } ] } ] } }
            """);

        Assert.Contains("[OPE-2612-Q9ZD] Screen: Aarhus Kommune (DK)", html, StringComparison.Ordinal);
        Assert.Contains("Due <time datetime=\"2026-12-07T15:00:00Z\">Mon 7 Dec 2026</time> (late)", html, StringComparison.Ordinal);
        Assert.Contains("SØ</span>Søren Østergaard", html, StringComparison.Ordinal);
        Assert.Contains("Reference: OPE-2612-Q9ZD Organisation: Aarhus Kommune", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Done <span class=\"count\">0</span></h4><p class=\"muted\">No tasks.</p>", html, StringComparison.Ordinal);
    }

    private static string Render(string json) => StandInPage.Render((JsonObject)JsonNode.Parse(json)!, Nonce);

    private static string RenderCard(string bodyElements) => Render($$"""
        { "generatedAt": "2026-12-08T09:20:00Z", "teams": { "channels": [ { "name": "ope-screening", "messages": [ { "receivedAt": "2026-12-08T09:00:00Z", "cards": [
          { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [ {{bodyElements}} ] } } ] } ] } ] } }
        """);

    /// <summary>The markup of one day's column of the first calendar, from its heading to the next day's.</summary>
    private static string DayColumn(string html, string day)
    {
        var start = html.IndexOf("<span class=\"cal-dow\">" + day + "</span>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No column for {day}.");
        var end = html.IndexOf("class=\"cal-day-head\"", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    /// <summary>The declarations of the style rule that places the event with <paramref name="subject"/> in its day.</summary>
    private static string PlacementOf(string html, string subject)
    {
        var item = EventItem().Matches(html).FirstOrDefault(match => match.Groups["body"].Value.Contains(subject, StringComparison.Ordinal));
        Assert.NotNull(item);
        var placement = item.Groups["classes"].Value.Split(' ').Last();
        var rule = Regex.Match(html, "\\." + Regex.Escape(placement) + "\\{(?<declarations>[^}]*)\\}");
        Assert.True(rule.Success, $"No rule for .{placement}.");
        return rule.Groups["declarations"].Value;
    }

    [GeneratedRegex("<style[ >]")]
    private static partial Regex StyleElement();

    [GeneratedRegex(" src=\"([^\"]*)\"")]
    private static partial Regex Source();

    [GeneratedRegex("<li class=\"(?<classes>ev [^\"]*)\"[^>]*>(?<body>.*?)</li>")]
    private static partial Regex EventItem();
}
