using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Directory;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Calendars;

/// <summary>
/// Users' calendars: <c>POST users/{u}/events</c> (a repeated <c>transactionId</c> gives back the event made
/// first), <c>GET users/{u}/events</c> (<c>$filter=transactionId eq '…'</c>), get and delete an event, and
/// <c>POST users/{u}/calendar/getSchedule</c> answering from the events plus staged busy blocks. Times are written
/// in the zone of <c>Prefer: outlook.timezone</c>, UTC without it.
/// </summary>
internal sealed partial class CalendarRoutes(StandInState state)
{
    private const string User = "^/users/(?<user>[^/]+)";

    public IEnumerable<GraphRoute> Routes =>
    [
        GraphRoute.Sync("POST", $"{User}(/calendar)?/events$", (call, match) => WithUser(match, user => Create(call, user))),
        GraphRoute.Sync("GET", $"{User}(/calendar)?/events$", (call, match) => WithUser(match, user => List(call, user))),
        GraphRoute.Sync("GET", $"{User}(/calendar)?/events/(?<id>[^/]+)$", (call, match) => WithUser(match, user => WithEvent(user, match, item => GraphResponse.WithJson(200, EventJson(call, item))))),
        GraphRoute.Sync("DELETE", $"{User}(/calendar)?/events/(?<id>[^/]+)$", (_, match) => WithUser(match, user => WithEvent(user, match, Delete))),
        GraphRoute.Sync("POST", $"{User}/calendar/getSchedule$", (call, match) => WithUser(match, _ => GetSchedule(call))),
    ];

    private GraphResponse WithUser(Match match, Func<DirectoryUser, GraphResponse> handle) =>
        UserAccess.Unknown(state, match.Groups["user"].Value, out var user) ?? handle(user);

    private GraphResponse WithEvent(DirectoryUser user, Match match, Func<CalendarEventState, GraphResponse> handle) =>
        state.Data.Events.FirstOrDefault(item => item.UserId == user.Id && item.Id == match.Groups["id"].Value) is { } found
            ? handle(found)
            : GraphResponse.NotFound();

    private GraphResponse Delete(CalendarEventState item)
    {
        state.Data.Events.Remove(item);
        state.MarkChanged();
        return GraphResponse.Empty(204);
    }

    private GraphResponse Create(GraphCall call, DirectoryUser user)
    {
        var body = call.JsonBody() ?? throw new GraphRequestException(400, "ErrorInvalidRequest", "The request body must be a JSON object.");
        var transactionId = GraphJson.String(body["transactionId"]);
        if (transactionId is not null && state.Data.Events.FirstOrDefault(item => item.UserId == user.Id && item.TransactionId == transactionId) is { } first)
        {
            return state.AnswersRepeatedTransactionWithConflict
                ? GraphResponse.Error(409, "Conflict", "An event with this transactionId already exists.")
                : GraphResponse.WithJson(201, WithContext(call, user, EventJson(call, first)));
        }

        if (DateTimeTimeZones.Read(body["start"]) is not { } start || DateTimeTimeZones.Read(body["end"]) is not { } end)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "The event needs a start and an end, each with a dateTime and a known timeZone.");
        }

        if (end < start)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "The event's end is before its start.");
        }

        var created = new CalendarEventState(
            Ids.New("AAMkADevent"),
            user.Id,
            GraphJson.String(body["subject"]) ?? "",
            GraphJson.String(body["body"]?["contentType"]) ?? "text",
            GraphJson.String(body["body"]?["content"]) ?? "",
            start,
            end,
            GraphJson.String(body["start"]?["timeZone"]) ?? "UTC",
            GraphJson.String(body["showAs"]) ?? "busy",
            transactionId,
            [.. (body["categories"] as JsonArray ?? []).Select(item => GraphJson.String(item) ?? "")],
            GraphJson.Bool(body["isReminderOn"]) ?? true,
            GraphJson.Int(body["reminderMinutesBeforeStart"]) ?? 15);
        state.Data.Events.Add(created);
        state.MarkChanged();
        return GraphResponse.WithJson(201, WithContext(call, user, EventJson(call, created)));
    }

    private static JsonObject WithContext(GraphCall call, DirectoryUser user, JsonObject json)
    {
        json["@odata.context"] = $"{call.GraphBase}/$metadata#users('{user.Id}')/events/$entity";
        return json;
    }

    private GraphResponse List(GraphCall call, DirectoryUser user)
    {
        IEnumerable<CalendarEventState> events = state.Data.Events.Where(item => item.UserId == user.Id);
        if (call.Query("$filter") is { } filter)
        {
            var match = TransactionIdFilter().Match(filter);
            if (!match.Success)
            {
                return GraphResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            }

            var wanted = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            events = events.Where(item => item.TransactionId == wanted);
        }

        return GraphResponse.WithJson(200, new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#users('{user.Id}')/events",
            ["value"] = GraphJson.Array(events.Select(item => GraphJson.Select(EventJson(call, item), call.Query("$select")))),
        });
    }

    private JsonObject EventJson(GraphCall call, CalendarEventState item)
    {
        var zone = call.Preference("outlook.timezone");
        var owner = state.Data.Users.FirstOrDefault(user => user.Id == item.UserId);
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"DwAAABYAAAA{item.Id[^10..]}\"",
            ["id"] = item.Id,
            ["subject"] = item.Subject,
            ["body"] = new JsonObject { ["contentType"] = item.BodyContentType, ["content"] = item.Body },
            ["bodyPreview"] = item.Body.Length > 255 ? item.Body[..255] : item.Body,
            ["start"] = DateTimeTimeZones.Write(item.Start, zone),
            ["end"] = DateTimeTimeZones.Write(item.End, zone),
            ["showAs"] = item.ShowAs,
            ["isAllDay"] = false,
            ["isCancelled"] = false,
            ["isOrganizer"] = true,
            ["isReminderOn"] = item.IsReminderOn,
            ["reminderMinutesBeforeStart"] = item.ReminderMinutesBeforeStart,
            ["importance"] = "normal",
            ["sensitivity"] = "normal",
            ["type"] = "singleInstance",
            ["categories"] = GraphJson.Array(item.Categories.Select(category => (JsonNode)JsonValue.Create(category))),
            ["organizer"] = owner is null ? null : new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = owner.DisplayName, ["address"] = owner.Mail } },
            ["attendees"] = new JsonArray(),
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(item.Id)}&exvsurl=1&path=/calendar/item",
            ["transactionId"] = item.TransactionId,
        };
        return json;
    }

    /// <summary>
    /// One scheduleInformation per address asked for, its items and availabilityView: the events (by their showAs)
    /// and the staged blocks that overlap the window. The view's digits are Graph's: 0 free or working elsewhere,
    /// 1 tentative, 2 busy, 3 out of office. An address not in the directory gets an error entry, as in Graph.
    /// </summary>
    private GraphResponse GetSchedule(GraphCall call)
    {
        var body = call.JsonBody();
        if (DateTimeTimeZones.Read(body?["startTime"]) is not { } start || DateTimeTimeZones.Read(body?["endTime"]) is not { } end || body?["schedules"] is not JsonArray schedules)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "schedules, startTime and endTime are required.");
        }

        var interval = GraphJson.Int(body["availabilityViewInterval"]) ?? 30;
        if (interval is < 5 or > 1440)
        {
            return GraphResponse.Error(400, "ErrorInvalidRequest", "availabilityViewInterval must be between 5 and 1440.");
        }

        var zone = call.Preference("outlook.timezone");
        var value = new JsonArray();
        foreach (var address in schedules.Select(node => GraphJson.String(node) ?? ""))
        {
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                value.Add(new JsonObject { ["scheduleId"] = address, ["availabilityView"] = "", ["error"] = new JsonObject { ["message"] = "Invalid SMTP address.", ["responseCode"] = "ErrorInvalidSmtpAddress" } });
                continue;
            }

            if (state.FindUser(address) is not { } user)
            {
                value.Add(new JsonObject { ["scheduleId"] = address, ["availabilityView"] = "", ["error"] = new JsonObject { ["message"] = "The recipient was not found.", ["responseCode"] = "ErrorMailRecipientNotFound" } });
                continue;
            }

            var items = state.Data.Events.Where(item => item.UserId == user.Id).Select(item => (item.Start, item.End, Status: item.ShowAs, item.Subject))
                .Concat(state.Data.BusyBlocks.Where(block => block.UserId == user.Id).Select(block => (block.Start, block.End, block.Status, Subject: "")))
                .Where(item => item.Start < end && start < item.End)
                .OrderBy(item => item.Start)
                .ToList();
            var view = new StringBuilder();
            for (var slot = start; slot < end; slot = slot.AddMinutes(interval))
            {
                var slotEnd = slot.AddMinutes(interval);
                var code = items.Where(item => item.Start < slotEnd && slot < item.End).Select(item => ViewCode(item.Status)).DefaultIfEmpty(0).Max();
                view.Append(code.ToString(CultureInfo.InvariantCulture));
            }

            value.Add(new JsonObject
            {
                ["scheduleId"] = address,
                ["availabilityView"] = view.ToString(),
                ["scheduleItems"] = GraphJson.Array(items.Select(item => new JsonObject
                {
                    ["isPrivate"] = false,
                    ["status"] = StatusName(item.Status),
                    ["subject"] = item.Subject,
                    ["location"] = "",
                    ["start"] = DateTimeTimeZones.Write(item.Start, zone),
                    ["end"] = DateTimeTimeZones.Write(item.End, zone),
                })),
                ["workingHours"] = new JsonObject
                {
                    ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                    ["startTime"] = "08:00:00.0000000",
                    ["endTime"] = "16:00:00.0000000",
                    ["timeZone"] = new JsonObject { ["name"] = "Romance Standard Time" },
                },
            });
        }

        return GraphResponse.WithJson(200, new JsonObject { ["@odata.context"] = $"{call.GraphBase}/$metadata#Collection(microsoft.graph.scheduleInformation)", ["value"] = value });
    }

    private static int ViewCode(string status) => status.ToUpperInvariant() switch
    {
        "TENTATIVE" => 1,
        "BUSY" => 2,
        "OOF" => 3,
        _ => 0,
    };

    // As Graph's own getSchedule example spells them.
    private static string StatusName(string status) => status.ToUpperInvariant() switch
    {
        "FREE" => "Free",
        "TENTATIVE" => "Tentative",
        "BUSY" => "Busy",
        "OOF" => "Oof",
        "WORKINGELSEWHERE" => "WorkingElsewhere",
        _ => "Unknown",
    };

    [GeneratedRegex(@"^\s*transactionId\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionIdFilter();
}
