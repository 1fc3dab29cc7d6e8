using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace OnePointEntry.Testing;

/// <summary>
/// The routing part of the stand-in: users (<c>GET /users/{id or address}</c>), screeners' calendars
/// (<c>POST users/{u}/events</c> with <c>transactionId</c> de-duplication, <c>GET users/{u}/events</c> filtered by
/// transactionId, <c>POST users/{u}/calendar/getSchedule</c> answering from the events plus staged busy blocks),
/// and one Planner plan with a "Screening" bucket (<c>GET planner/buckets/{id}/tasks</c>, <c>POST planner/tasks</c>,
/// <c>GET</c>/<c>PATCH planner/tasks/{id}/details</c> with ETags and <c>If-Match</c>, 412 on a stale ETag).
/// Every user exists: an unknown id or address is taken as a new user (address <c>{id}@onepointentry.test</c>).
/// </summary>
public sealed partial class GraphStandIn
{
    public const string PlanId = "xqQg5FS2LkCp935s-FIFm2QAFkHM";
    public const string ScreeningBucketId = "hsOf2dhOJkqyYYZEtdzDe2QAIUCR";
    public const string UserDomain = "onepointentry.test";

    private readonly Dictionary<string, UserState> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CalendarEventState> _events = [];
    private readonly List<BusyBlock> _busyBlocks = [];
    private readonly Dictionary<string, PlannerTaskState> _plannerTasks = new(StringComparer.Ordinal);
    private readonly List<PendingLoss> _losses = [];
    private int _etagVersion;

    /// <summary>
    /// A repeated <c>transactionId</c> is answered with <c>409 Conflict</c> instead of the first event (Graph's
    /// documentation names no answer for it; an adapter must handle both).
    /// </summary>
    public bool AnswersRepeatedTransactionWithConflict { get; set; }

    /// <summary>The <c>Planner__PlanId</c> and <c>Planner__BucketId</c> settings for this stand-in's plan.</summary>
    public static Dictionary<string, string?> PlannerSettings => new()
    {
        ["Planner:PlanId"] = PlanId,
        ["Planner:BucketId"] = ScreeningBucketId,
    };

    /// <summary>Every event in every calendar, in the order created.</summary>
    public IReadOnlyList<CalendarEventState> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Every Planner task, in the order created.</summary>
    public IReadOnlyList<PlannerTaskState> PlannerTasks
    {
        get
        {
            lock (_lock)
            {
                return [.. _plannerTasks.Values.OrderBy(task => task.CreatedAt)];
            }
        }
    }

    /// <summary>Adds a user with this address (and object id, generated when not given); returns the id.</summary>
    public string AddUser(string mail, string? id = null)
    {
        lock (_lock)
        {
            var user = new UserState(id ?? IdFor(mail), mail);
            _users[user.Id] = user;
            _users[user.Mail] = user;
            return user.Id;
        }
    }

    /// <summary>The events in this user's calendar (by id or address).</summary>
    public IReadOnlyList<CalendarEventState> EventsOf(string user)
    {
        lock (_lock)
        {
            var owner = User(user);
            return [.. _events.Where(item => item.UserId == owner.Id)];
        }
    }

    /// <summary>Blocks the user's calendar, as another meeting would, without an event the app could read.</summary>
    public void StageBusy(string user, DateTimeOffset start, DateTimeOffset end, string status = "busy")
    {
        lock (_lock)
        {
            _busyBlocks.Add(new BusyBlock(User(user).Id, start.ToUniversalTime(), end.ToUniversalTime(), status));
        }
    }

    /// <summary>Puts a task into the Screening bucket, as an earlier try whose answer was lost would have; returns its id.</summary>
    public string StagePlannerTask(string title, string? assigneeId = null, string? description = null)
    {
        lock (_lock)
        {
            var id = NewPlannerId();
            var assignments = new JsonObject();
            if (assigneeId is not null)
            {
                assignments[assigneeId] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["orderHint"] = " !" };
            }

            _plannerTasks[id] = new PlannerTaskState(id, PlanId, ScreeningBucketId, title, null, assignments, NewEtag(), description ?? "", "automatic", NewEtag(), DateTimeOffset.UtcNow);
            return id;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are carried out, but their answer is replaced by this
    /// error: a lost answer (a gateway timeout after the work was done).
    /// </summary>
    public void LoseNextAnswer(string method, string pathPattern, int status = 504, string code = "GatewayTimeout", int count = 1)
    {
        lock (_lock)
        {
            _losses.Add(new PendingLoss(method, new Regex(pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), status, code) { Remaining = count });
        }
    }

    private ResponseMessage? RouteRouting(RecordedRequest request)
    {
        var response = RouteRoutingCore(request);
        var loss = _losses.FirstOrDefault(candidate => candidate.Remaining > 0 && candidate.Method == request.Method && candidate.Path.IsMatch(request.Path));
        if (response is null || loss is null)
        {
            return response;
        }

        loss.Remaining--;
        return Error(loss.Status, loss.Code, "Injected by the test after the request was carried out.");
    }

    private ResponseMessage? RouteRoutingCore(RecordedRequest request)
    {
        Match match;
        if ((match = UserRoute().Match(request.Path)).Success && request.Method == "GET")
        {
            var user = User(match.Groups["user"].Value);
            return Json(200, new JsonObject
            {
                ["@odata.context"] = $"{BaseUrl}/$metadata#users(id,mail,userPrincipalName)/$entity",
                ["id"] = user.Id,
                ["mail"] = user.Mail,
                ["userPrincipalName"] = user.Mail,
            });
        }

        if ((match = EventsRoute().Match(request.Path)).Success)
        {
            var user = User(match.Groups["user"].Value);
            return request.Method switch
            {
                "POST" => CreateEvent(request, user),
                "GET" => ListEvents(request, user),
                _ => Error(405, "ErrorInvalidRequest", "Method not allowed."),
            };
        }

        if ((match = GetScheduleRoute().Match(request.Path)).Success && request.Method == "POST")
        {
            return GetSchedule(request);
        }

        if ((match = BucketTasksRoute().Match(request.Path)).Success && request.Method == "GET")
        {
            return ListBucketTasks(match.Groups["bucket"].Value);
        }

        if (request.Path.Equals("/planner/tasks", StringComparison.OrdinalIgnoreCase) && request.Method == "POST")
        {
            return CreatePlannerTask(request);
        }

        if ((match = TaskDetailsRoute().Match(request.Path)).Success)
        {
            return request.Method switch
            {
                "GET" => GetTaskDetails(match.Groups["id"].Value),
                "PATCH" => UpdateTaskDetails(request, match.Groups["id"].Value),
                _ => Error(405, "MethodNotAllowed", "Method not allowed."),
            };
        }

        return null;
    }

    private ResponseMessage CreateEvent(RecordedRequest request, UserState user)
    {
        var body = ParseBody(request.Body)!.AsObject();
        var transactionId = body["transactionId"]?.GetValue<string>();
        if (transactionId is not null && _events.FirstOrDefault(item => item.UserId == user.Id && item.TransactionId == transactionId) is { } first)
        {
            return AnswersRepeatedTransactionWithConflict
                ? Error(409, "Conflict", "An event with this transactionId already exists.")
                : Json(201, EventJson(first));
        }

        if (ParseDateTimeTimeZone(body["start"]) is not { } start || ParseDateTimeTimeZone(body["end"]) is not { } end)
        {
            return Error(400, "ErrorInvalidRequest", "The event needs a start and an end.");
        }

        var created = new CalendarEventState(
            NewId("AAMkADOPEevent"),
            user.Id,
            body["subject"]?.GetValue<string>() ?? "",
            body["body"]?["contentType"]?.GetValue<string>() ?? "text",
            body["body"]?["content"]?.GetValue<string>() ?? "",
            start,
            end,
            body["start"]?["timeZone"]?.GetValue<string>() ?? "UTC",
            body["showAs"]?.GetValue<string>() ?? "busy",
            transactionId,
            [.. body["categories"]?.AsArray().Select(item => item!.GetValue<string>()) ?? []],
            body["isReminderOn"]?.GetValue<bool>() ?? true,
            body["reminderMinutesBeforeStart"]?.GetValue<int>() ?? 15);
        _events.Add(created);
        return Json(201, EventJson(created));
    }

    private ResponseMessage ListEvents(RecordedRequest request, UserState user)
    {
        IEnumerable<CalendarEventState> events = _events.Where(item => item.UserId == user.Id);
        if (request.Query.TryGetValue("$filter", out var filter))
        {
            var match = TransactionIdFilter().Match(filter.ToString());
            if (!match.Success)
            {
                return Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            }

            var wanted = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            events = events.Where(item => item.TransactionId == wanted);
        }

        return Json(200, new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#users('{user.Id}')/events",
            ["value"] = new JsonArray([.. events.Select(item => (JsonNode)EventJson(item))]),
        });
    }

    private static JsonObject EventJson(CalendarEventState item)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = "W/\"DwAAABYAAAA=\"",
            ["id"] = item.Id,
            ["subject"] = item.Subject,
            ["body"] = new JsonObject { ["contentType"] = item.BodyContentType, ["content"] = item.Body },
            ["start"] = DateTimeTimeZone(item.Start),
            ["end"] = DateTimeTimeZone(item.End),
            ["showAs"] = item.ShowAs,
            ["isReminderOn"] = item.IsReminderOn,
            ["reminderMinutesBeforeStart"] = item.ReminderMinutesBeforeStart,
            ["categories"] = new JsonArray([.. item.Categories.Select(category => (JsonNode)JsonValue.Create(category))]),
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(item.Id)}",
        };
        if (item.TransactionId is not null)
        {
            json["transactionId"] = item.TransactionId;
        }

        return json;
    }

    /// <summary>
    /// One scheduleInformation per address asked for, its items and availabilityView in UTC: the events (by their
    /// showAs) and the staged blocks that overlap the window. The view's digits are Graph's: 0 free or working
    /// elsewhere, 1 tentative, 2 busy, 3 out of office.
    /// </summary>
    private ResponseMessage GetSchedule(RecordedRequest request)
    {
        var body = ParseBody(request.Body)!.AsObject();
        if (ParseDateTimeTimeZone(body["startTime"]) is not { } start || ParseDateTimeTimeZone(body["endTime"]) is not { } end || body["schedules"] is not JsonArray schedules)
        {
            return Error(400, "ErrorInvalidRequest", "schedules, startTime and endTime are required.");
        }

        var interval = body["availabilityViewInterval"] is { } given ? int.Parse(given.ToString(), CultureInfo.InvariantCulture) : 30;
        if (interval is < 5 or > 1440)
        {
            return Error(400, "ErrorInvalidRequest", "availabilityViewInterval must be between 5 and 1440.");
        }

        var value = new JsonArray();
        foreach (var address in schedules.Select(node => node!.GetValue<string>()))
        {
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                value.Add(new JsonObject { ["scheduleId"] = address, ["availabilityView"] = "", ["error"] = new JsonObject { ["message"] = "Invalid SMTP address.", ["responseCode"] = "ErrorInvalidSmtpAddress" } });
                continue;
            }

            var user = User(address);
            var items = _events.Where(item => item.UserId == user.Id).Select(item => (item.Start, item.End, Status: item.ShowAs, item.Subject))
                .Concat(_busyBlocks.Where(block => block.UserId == user.Id).Select(block => (block.Start, block.End, block.Status, Subject: "")))
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
                ["scheduleItems"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
                {
                    ["isPrivate"] = false,
                    ["status"] = StatusName(item.Status),
                    ["subject"] = item.Subject,
                    ["location"] = "",
                    ["start"] = DateTimeTimeZone(item.Start),
                    ["end"] = DateTimeTimeZone(item.End),
                })]),
                ["workingHours"] = new JsonObject
                {
                    ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
                    ["startTime"] = "08:00:00.0000000",
                    ["endTime"] = "16:00:00.0000000",
                    ["timeZone"] = new JsonObject { ["name"] = "Romance Standard Time" },
                },
            });
        }

        return Json(200, new JsonObject { ["@odata.context"] = $"{BaseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)", ["value"] = value });
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

    private ResponseMessage ListBucketTasks(string bucketId)
    {
        if (bucketId != ScreeningBucketId)
        {
            return Error(404, "NotFound", "The requested item is not found.");
        }

        return Json(200, new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#planner/buckets('{bucketId}')/tasks",
            ["@odata.count"] = _plannerTasks.Values.Count(task => task.BucketId == bucketId),
            ["value"] = new JsonArray([.. _plannerTasks.Values.Where(task => task.BucketId == bucketId).OrderBy(task => task.CreatedAt).Select(task => (JsonNode)TaskJson(task))]),
        });
    }

    private ResponseMessage CreatePlannerTask(RecordedRequest request)
    {
        var body = ParseBody(request.Body)!.AsObject();
        var planId = body["planId"]?.GetValue<string>();
        var bucketId = body["bucketId"]?.GetValue<string>();
        var title = body["title"]?.GetValue<string>();
        if (planId != PlanId || bucketId is not null && bucketId != ScreeningBucketId)
        {
            return Error(404, "NotFound", "The requested item is not found.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 255)
        {
            return Error(400, "BadRequest", "The title is required and holds at most 255 characters.");
        }

        var assignments = body["assignments"]?.DeepClone().AsObject() ?? [];
        foreach (var (userId, assignment) in assignments)
        {
            if (!Guid.TryParse(userId, out _) || assignment?["@odata.type"]?.GetValue<string>() != "#microsoft.graph.plannerAssignment" || assignment["orderHint"] is null)
            {
                return Error(400, "BadRequest", $"The assignment for '{userId}' is not a plannerAssignment with an orderHint for a user id.");
            }

            assignment["assignedDateTime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            assignment["assignedBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000a11c" } };
        }

        var due = body["dueDateTime"]?.GetValue<string>() is { } dueText ? DateTimeOffset.Parse(dueText, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var task = new PlannerTaskState(NewPlannerId(), planId, bucketId ?? ScreeningBucketId, title, due, assignments, NewEtag(), "", "automatic", NewEtag(), DateTimeOffset.UtcNow);
        _plannerTasks[task.Id] = task;
        var json = TaskJson(task);
        json["@odata.context"] = $"{BaseUrl}/$metadata#planner/tasks/$entity";
        return WithEtag(Json(201, json), task.Etag);
    }

    private static JsonObject TaskJson(PlannerTaskState task) => new()
    {
        ["@odata.etag"] = task.Etag,
        ["planId"] = task.PlanId,
        ["bucketId"] = task.BucketId,
        ["title"] = task.Title,
        ["orderHint"] = "8585269241124524174P>",
        ["percentComplete"] = 0,
        ["hasDescription"] = task.Description.Length > 0,
        ["previewType"] = task.PreviewType,
        ["createdDateTime"] = task.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["dueDateTime"] = task.DueAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["assignments"] = task.Assignments.DeepClone(),
        ["id"] = task.Id,
    };

    private ResponseMessage GetTaskDetails(string taskId)
    {
        if (!_plannerTasks.TryGetValue(taskId, out var task))
        {
            return Error(404, "NotFound", "The requested item is not found.");
        }

        return WithEtag(Json(200, DetailsJson(task)), task.DetailsEtag);
    }

    private ResponseMessage UpdateTaskDetails(RecordedRequest request, string taskId)
    {
        if (!_plannerTasks.TryGetValue(taskId, out var task))
        {
            return Error(404, "NotFound", "The requested item is not found.");
        }

        if (!request.Headers.TryGetValue("If-Match", out var ifMatch))
        {
            return Error(400, "BadRequest", "The If-Match header must be specified for this kind of request.");
        }

        if (ifMatch != task.DetailsEtag)
        {
            return Error(412, "PreconditionFailed", "The request does not match the current version of the item.");
        }

        var body = ParseBody(request.Body)!.AsObject();
        var updated = task with
        {
            Description = body["description"]?.GetValue<string>() ?? task.Description,
            PreviewType = body["previewType"]?.GetValue<string>() ?? task.PreviewType,
            DetailsEtag = NewEtag(),
        };
        _plannerTasks[taskId] = updated;
        var representation = request.Headers.TryGetValue("Prefer", out var prefer) && prefer.Contains("return=representation", StringComparison.OrdinalIgnoreCase);
        return WithEtag(representation ? Json(200, DetailsJson(updated)) : Empty(204), updated.DetailsEtag);
    }

    private static JsonObject DetailsJson(PlannerTaskState task) => new()
    {
        ["@odata.etag"] = task.DetailsEtag,
        ["description"] = task.Description,
        ["previewType"] = task.PreviewType,
        ["id"] = task.Id,
        ["references"] = new JsonObject(),
        ["checklist"] = new JsonObject(),
    };

    private static ResponseMessage WithEtag(ResponseMessage response, string etag)
    {
        response.AddHeader("ETag", etag);
        return response;
    }

    private UserState User(string key)
    {
        if (_users.TryGetValue(key, out var known))
        {
            return known;
        }

        var user = key.Contains('@', StringComparison.Ordinal) ? new UserState(IdFor(key), key) : new UserState(key, $"{key}@{UserDomain}");
        _users[user.Id] = user;
        _users[user.Mail] = user;
        return user;
    }

    private static string IdFor(string mail) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(mail.ToUpperInvariant()))[..16]).ToString();

    private string NewPlannerId() => $"OPEtask{++_sequence:D4}-{Guid.NewGuid():N}"[..28];

    private string NewEtag() => $"W/\"JzEt{Convert.ToBase64String(Encoding.ASCII.GetBytes($"Task{++_etagVersion:D8}"))}\"";

    private static JsonObject DateTimeTimeZone(DateTimeOffset value) => new()
    {
        ["dateTime"] = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };

    private static DateTimeOffset? ParseDateTimeTimeZone(JsonNode? node)
    {
        if (node?["dateTime"]?.GetValue<string>() is not { } text)
        {
            return null;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = node["timeZone"]?.GetValue<string>() ?? "UTC";
        if (zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || local.Kind == DateTimeKind.Utc)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, info.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    [GeneratedRegex(@"^/users/(?<user>[^/]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserRoute();

    [GeneratedRegex(@"^/users/(?<user>[^/]+)(/calendar)?/events$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventsRoute();

    [GeneratedRegex(@"^/users/(?<user>[^/]+)/calendar/getschedule$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GetScheduleRoute();

    [GeneratedRegex(@"^/planner/buckets/(?<bucket>[^/]+)/tasks$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BucketTasksRoute();

    [GeneratedRegex(@"^/planner/tasks/(?<id>[^/]+)/details$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TaskDetailsRoute();

    [GeneratedRegex(@"^transactionId eq '(?<value>(?:[^']|'')*)'$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionIdFilter();

    private sealed record UserState(string Id, string Mail);

    private sealed record BusyBlock(string UserId, DateTimeOffset Start, DateTimeOffset End, string Status);

    private sealed class PendingLoss(string method, Regex path, int status, string code)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public int Status { get; } = status;

        public string Code { get; } = code;

        public int Remaining { get; set; }
    }
}

/// <summary>An event in a user's calendar at the stand-in; times in UTC.</summary>
public sealed record CalendarEventState(
    string Id,
    string UserId,
    string Subject,
    string BodyContentType,
    string Body,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string ShowAs,
    string? TransactionId,
    IReadOnlyList<string> Categories,
    bool IsReminderOn,
    int ReminderMinutesBeforeStart);

/// <summary>A Planner task at the stand-in, with its details (description, preview type) and both ETags.</summary>
public sealed record PlannerTaskState(
    string Id,
    string PlanId,
    string BucketId,
    string Title,
    DateTimeOffset? DueAt,
    JsonObject Assignments,
    string Etag,
    string Description,
    string PreviewType,
    string DetailsEtag,
    DateTimeOffset CreatedAt);
