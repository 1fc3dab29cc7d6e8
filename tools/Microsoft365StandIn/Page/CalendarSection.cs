using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>
/// Each calendar with events as Outlook's work week: Monday to Friday, 08:00 to 17:00 in Copenhagen, each event
/// placed by its time, side by side when they overlap. The week shown is the one of the earliest event not yet
/// over when the state was taken, or else of the latest event; events the grid cannot show are listed under it.
/// </summary>
internal static class CalendarSection
{
    public const string Id = "calendars";
    public const int FirstHour = 8;
    public const int LastHour = 17;

    private static readonly TimeSpan s_shown = TimeSpan.FromHours(LastHour - FirstHour);

    public static string Summary(PageContext page)
    {
        var calendars = WithEvents(page);
        var events = calendars.Sum(calendar => calendar.Events.Count);
        return events == 0 ? "no events yet" : Counting.Of(events, "event") + " in " + Counting.Of(calendars.Count, "calendar");
    }

    public static void Append(StringBuilder html, PageContext page)
    {
        html.Append("<section id=\"").Append(Id).Append("\" aria-labelledby=\"").Append(Id).Append("-h\">")
            .Append("<h2 id=\"").Append(Id).Append("-h\">Calendars</h2>");
        var calendars = WithEvents(page);
        if (calendars.Count == 0)
        {
            html.Append("<p class=\"empty\">No calendar has events yet. When the app routes an enquiry it books a 30-minute screening block in the chosen screener's calendar, and that week appears here. Send a mail with <code>ope mail send</code> (or submit the enquiry form) and wait for routing.</p></section>");
            return;
        }

        html.Append("<p class=\"lead\">Each screener's week from Monday to Friday, 08:00 to 17:00, in Copenhagen time: the week of the earliest event not yet over, or else of the latest event.</p>");
        var index = 0;
        foreach (var calendar in calendars)
        {
            AppendCalendar(html, page, calendar, index++);
        }

        html.Append("</section>");
    }

    private static List<Calendar> WithEvents(PageContext page) =>
    [
        .. StateJson.Objects(page.State, "calendars")
            .Select(calendar => new Calendar(
                StateJson.String(calendar, "displayName") ?? page.NameOf(StateJson.String(calendar, "userId")) ?? StateJson.String(calendar, "owner") ?? "Unknown user",
                StateJson.String(calendar, "owner"),
                [.. StateJson.Objects(calendar, "events").Select(CalendarEvent.From).OfType<CalendarEvent>().OrderBy(e => e.Start)]))
            .Where(calendar => calendar.Events.Count > 0),
    ];

    private static void AppendCalendar(StringBuilder html, PageContext page, Calendar calendar, int index)
    {
        var monday = WeekShown(calendar.Events, page.Now);
        var headingId = "cal-" + index.ToString(CultureInfo.InvariantCulture);
        html.Append("<article class=\"panel\" aria-labelledby=\"").Append(headingId).Append("\"><h3 id=\"").Append(headingId).Append("\">").AppendEncoded(calendar.Name);
        if (calendar.Owner is { Length: > 0 } owner)
        {
            html.Append(" <span class=\"muted\">").AppendEncoded(owner).Append("</span>");
        }

        var mondayNoon = Noon(monday);
        html.Append("</h3><p class=\"muted\">Week ").Append(ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture))
            .Append(", ").Append(monday.ToString("d MMM", CultureInfo.InvariantCulture)).Append('–').Append(monday.AddDays(4).ToString("d MMM yyyy", CultureInfo.InvariantCulture))
            .Append(". Times in Copenhagen time (").Append(CopenhagenClock.ZoneName(mondayNoon)).Append(", UTC").Append(Offset(mondayNoon)).Append(").</p>");

        var placed = new List<(CalendarEvent Event, int Day, DateTime From, DateTime To)>();
        var elsewhere = new List<(CalendarEvent Event, string Why)>();
        foreach (var e in calendar.Events)
        {
            var start = CopenhagenClock.Local(e.Start);
            var end = CopenhagenClock.Local(e.End);
            var day = DateOnly.FromDateTime(start).DayNumber - monday.DayNumber;
            var dayStart = start.Date.AddHours(FirstHour);
            var from = start < dayStart ? dayStart : start;
            var to = end > dayStart.Add(s_shown) ? dayStart.Add(s_shown) : end;
            if (day is < 0 or > 6)
            {
                elsewhere.Add((e, "another week"));
            }
            else if (day > 4)
            {
                elsewhere.Add((e, "weekend"));
            }
            else if (to < from || (to == from && e.End > e.Start))
            {
                elsewhere.Add((e, "outside 08:00–17:00"));
            }
            else
            {
                placed.Add((e, day, from, to));
            }
        }

        html.OpenScrollRegion(calendar.Name + "'s week").Append("<div class=\"cal-grid\">");
        html.Append("<div class=\"cal-hours\" aria-hidden=\"true\"><div class=\"cal-corner\"></div>");
        for (var hour = FirstHour; hour < LastHour; hour++)
        {
            html.Append("<div class=\"cal-hour\">").Append(hour.ToString("00", CultureInfo.InvariantCulture)).Append(":00</div>");
        }

        html.Append("</div>");
        var today = CopenhagenClock.DateOf(page.Now);
        for (var day = 0; day < 5; day++)
        {
            var date = monday.AddDays(day);
            html.Append("<div class=\"cal-day").Append(date == today ? " cal-today" : string.Empty).Append("\"><h4 class=\"cal-day-head\">")
                .Append("<span class=\"cal-dow\">").Append(date.ToString("ddd", CultureInfo.InvariantCulture)).Append("</span> <span class=\"cal-dom\">")
                .Append(date.ToString("d MMM", CultureInfo.InvariantCulture)).Append("</span>")
                .Append(date == today ? "<span class=\"visually-hidden\"> (today)</span>" : string.Empty).Append("</h4><div class=\"cal-day-body\">");
            var events = placed.Where(p => p.Day == day).ToList();
            if (events.Count > 0)
            {
                html.Append("<ol class=\"cal-events\">");
                foreach (var (e, from, to, lane, lanes) in Lanes(events.Select(p => (p.Event, p.From, p.To))))
                {
                    var dayStart = from.Date.AddHours(FirstHour);
                    var top = (from - dayStart) / s_shown * 100;
                    var height = Math.Max(0, (to - from) / s_shown * 100);
                    var place = page.Styles.ClassFor(
                        "top:" + DynamicStyles.Number(top) + "%;height:" + DynamicStyles.Number(height) + "%;left:" + DynamicStyles.Number(100.0 * lane / lanes)
                        + "%;width:" + DynamicStyles.Number(100.0 / lanes) + "%");
                    AppendEvent(html, e, place);
                }

                html.Append("</ol>");
            }

            if (date == today && CopenhagenClock.Local(page.Now) is var now && now.Hour >= FirstHour && now.Hour < LastHour)
            {
                var top = (now - now.Date.AddHours(FirstHour)) / s_shown * 100;
                html.Append("<div class=\"cal-now ").Append(page.Styles.ClassFor("top:" + DynamicStyles.Number(top) + "%")).Append("\" aria-hidden=\"true\"></div>");
            }

            html.Append("</div></div>");
        }

        html.Append("</div></div>");
        if (elsewhere.Count > 0)
        {
            AppendElsewhere(html, elsewhere);
        }

        AppendBodies(html, calendar);
        html.Append("</article>");
    }

    private static void AppendEvent(StringBuilder html, CalendarEvent e, string place)
    {
        var categories = string.Join(", ", e.Categories);
        var tooltip = string.Create(CultureInfo.InvariantCulture, $"{e.Subject}, {CopenhagenClock.Local(e.Start):HH:mm}–{CopenhagenClock.Local(e.End):HH:mm}")
            + (categories.Length > 0 ? ", " + categories : string.Empty) + " (" + e.ShowAs + ")";
        html.Append("<li class=\"ev ev-").Append(ShowAsClass(e.ShowAs)).Append(' ').Append(place).Append("\" title=\"").AppendEncoded(tooltip).Append("\">")
            .Append("<span class=\"ev-subject\">").AppendEncoded(e.Subject.Length > 0 ? e.Subject : "(no subject)").Append("</span>")
            .Append("<span class=\"ev-time\">").AppendClock(e.Start).Append('–').AppendClock(e.End);
        if (categories.Length > 0)
        {
            html.Append(" · <span class=\"ev-cats\">").AppendEncoded(categories).Append("</span>");
        }

        html.Append("</span>");
        html.Append("</li>");
    }

    private static void AppendElsewhere(StringBuilder html, List<(CalendarEvent Event, string Why)> elsewhere)
    {
        html.Append("<h4>Not in this view (").Append(elsewhere.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h4>")
            .OpenScrollRegion("Events not in this view").Append("<table><thead><tr><th scope=\"col\">When (Copenhagen)</th><th scope=\"col\">Subject</th><th scope=\"col\">Categories</th><th scope=\"col\">Why not above</th></tr></thead><tbody>");
        foreach (var (e, why) in elsewhere)
        {
            html.Append("<tr><td>").AppendRange(e.Start, e.End).Append("</td><td>").AppendEncoded(e.Subject)
                .Append("</td><td>").AppendEncoded(string.Join(", ", e.Categories)).Append("</td><td>").AppendEncoded(why).Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void AppendBodies(StringBuilder html, Calendar calendar)
    {
        html.Append("<details class=\"bodies\"><summary>What the events say (").Append(calendar.Events.Count.ToString(CultureInfo.InvariantCulture)).Append(")</summary>");
        foreach (var e in calendar.Events)
        {
            html.Append("<article class=\"event-detail\"><h5>").AppendEncoded(e.Subject.Length > 0 ? e.Subject : "(no subject)").Append("</h5><p class=\"muted\">")
                .AppendRange(e.Start, e.End).Append(" · ").AppendEncoded(e.ShowAs);
            if (e.Categories.Count > 0)
            {
                html.Append(" · ").AppendEncoded(string.Join(", ", e.Categories));
            }

            if (e.TransactionId is { Length: > 0 } transaction)
            {
                html.Append(" · transactionId <code>").AppendEncoded(transaction).Append("</code>");
            }

            html.Append("</p>");
            if (string.IsNullOrWhiteSpace(e.Body))
            {
                html.Append("<p class=\"muted\">No body.</p>");
            }
            else if (e.BodyIsHtml)
            {
                html.Append("<div class=\"rich\">").Append(MailBodySanitizer.Sanitize(e.Body, new Dictionary<string, string>())).Append("</div>");
            }
            else
            {
                html.Append("<pre class=\"text\">").AppendEncoded(e.Body).Append("</pre>");
            }

            html.Append("</article>");
        }

        html.Append("</details>");
    }

    /// <summary>The Monday of the week of the earliest event not over at <paramref name="now"/>, or of the latest event.</summary>
    private static DateOnly WeekShown(IReadOnlyList<CalendarEvent> events, DateTimeOffset now)
    {
        var shown = events.Where(e => e.End > now).MinBy(e => e.Start) ?? events.MaxBy(e => e.Start)!;
        var date = CopenhagenClock.DateOf(shown.Start);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }

    /// <summary>
    /// Overlapping events side by side, as Outlook draws them: each run of events that overlap one another shares
    /// the day's width, each event in the first lane free when it starts.
    /// </summary>
    private static IEnumerable<(CalendarEvent Event, DateTime From, DateTime To, int Lane, int Lanes)> Lanes(IEnumerable<(CalendarEvent Event, DateTime From, DateTime To)> events)
    {
        var run = new List<(CalendarEvent Event, DateTime From, DateTime To, int Lane)>();
        var laneEnds = new List<DateTime>();
        var runEnd = DateTime.MinValue;
        foreach (var (e, from, to) in events.OrderBy(p => p.From).ThenByDescending(p => p.To))
        {
            if (run.Count > 0 && from >= runEnd)
            {
                foreach (var done in run)
                {
                    yield return (done.Event, done.From, done.To, done.Lane, laneEnds.Count);
                }

                run.Clear();
                laneEnds.Clear();
            }

            var lane = laneEnds.FindIndex(end => end <= from);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(to);
            }
            else
            {
                laneEnds[lane] = to;
            }

            // A zero-length event still takes a moment, so that another at the same time goes beside it.
            var end = to > from ? to : from.AddMinutes(1);
            runEnd = run.Count == 0 || end > runEnd ? end : runEnd;
            run.Add((e, from, to, lane));
        }

        foreach (var done in run)
        {
            yield return (done.Event, done.From, done.To, done.Lane, laneEnds.Count);
        }
    }

    private static string ShowAsClass(string showAs) => showAs.ToLowerInvariant() switch
    {
        "free" => "free",
        "tentative" => "tentative",
        "oof" => "oof",
        "workingelsewhere" => "elsewhere",
        _ => "busy",
    };

    private static DateTimeOffset Noon(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, CopenhagenClock.Zone.GetUtcOffset(local));
    }

    private static string Offset(DateTimeOffset instant)
    {
        var offset = CopenhagenClock.Zone.GetUtcOffset(instant);
        return (offset < TimeSpan.Zero ? "−" : "+") + offset.Hours.ToString(CultureInfo.InvariantCulture);
    }

    private sealed record Calendar(string Name, string? Owner, IReadOnlyList<CalendarEvent> Events);
}
