using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Planner;

/// <summary>
/// The screening plan in Planner: the plan and its bucket, the bucket's tasks, task create, get and update (an
/// update's <c>assignments</c> add a user with a plannerAssignment and remove one with null, as Planner's open type
/// does), and the task details (<c>GET</c>, <c>PATCH</c>). Updates need the current ETag in <c>If-Match</c>: without
/// it 400, with a stale one 412, as Planner answers.
/// </summary>
internal sealed class PlannerRoutes(StandInState state)
{
    private const string ApplicationId = "00000000-0000-0000-0000-00000000a11c";

    public IEnumerable<GraphRoute> Routes =>
    [
        GraphRoute.Sync("GET", @"^/planner/plans/(?<plan>[^/]+)$", (call, match) => Plan(call, match.Groups["plan"].Value)),
        GraphRoute.Sync("GET", @"^/planner/plans/(?<plan>[^/]+)/buckets$", (call, match) => Buckets(call, match.Groups["plan"].Value)),
        GraphRoute.Sync("GET", @"^/planner/plans/(?<plan>[^/]+)/tasks$", (call, match) => match.Groups["plan"].Value == ScreeningPlan.PlanId ? Tasks(call, state.Data.PlannerTasks, $"planner/plans('{ScreeningPlan.PlanId}')/tasks") : NotFound()),
        GraphRoute.Sync("GET", @"^/planner/buckets/(?<bucket>[^/]+)/tasks$", (call, match) => match.Groups["bucket"].Value == ScreeningPlan.BucketId
            ? Tasks(call, state.Data.PlannerTasks.Where(task => task.BucketId == ScreeningPlan.BucketId), $"planner/buckets('{ScreeningPlan.BucketId}')/tasks")
            : NotFound()),
        GraphRoute.Sync("POST", @"^/planner/tasks$", (call, _) => Create(call)),
        GraphRoute.Sync("GET", @"^/planner/tasks/(?<id>[^/]+)$", (call, match) => WithTask(match, task => WithEtag(GraphResponse.WithJson(200, TaskJson(call, task, context: true)), task.Etag))),
        GraphRoute.Sync("PATCH", @"^/planner/tasks/(?<id>[^/]+)$", (call, match) => WithTask(match, task => Update(call, task))),
        GraphRoute.Sync("DELETE", @"^/planner/tasks/(?<id>[^/]+)$", (call, match) => WithTask(match, task => Delete(call, task))),
        GraphRoute.Sync("GET", @"^/planner/tasks/(?<id>[^/]+)/details$", (call, match) => WithTask(match, task => WithEtag(GraphResponse.WithJson(200, DetailsJson(call, task)), task.DetailsEtag))),
        GraphRoute.Sync("PATCH", @"^/planner/tasks/(?<id>[^/]+)/details$", (call, match) => WithTask(match, task => UpdateDetails(call, task))),
    ];

    public static string NewEtag() => $"W/\"JzEtVGFzayAg{Convert.ToBase64String(RandomNumberGenerator.GetBytes(12))}\"";

    private static GraphResponse NotFound() => GraphResponse.Error(404, "NotFound", "The requested item is not found.");

    private static GraphResponse WithEtag(GraphResponse response, string etag) => response.WithHeader("ETag", etag);

    private GraphResponse WithTask(Match match, Func<PlannerTaskState, GraphResponse> handle) =>
        state.Data.PlannerTasks.FirstOrDefault(task => task.Id == match.Groups["id"].Value) is { } task ? handle(task) : NotFound();

    private static GraphResponse Plan(GraphCall call, string planId) => planId != ScreeningPlan.PlanId ? NotFound() : GraphResponse.WithJson(200, new JsonObject
    {
        ["@odata.context"] = $"{call.GraphBase}/$metadata#planner/plans/$entity",
        ["@odata.etag"] = "W/\"JzEtUGxhbiAgQEBAQEBAQEBAQEBAQEBAWCc=\"",
        ["createdDateTime"] = "2026-01-05T08:00:00Z",
        ["owner"] = ScreeningPlan.GroupId,
        ["title"] = ScreeningPlan.Title,
        ["id"] = ScreeningPlan.PlanId,
        ["container"] = new JsonObject { ["containerId"] = ScreeningPlan.GroupId, ["type"] = "group", ["url"] = $"https://graph.microsoft.com/v1.0/groups/{ScreeningPlan.GroupId}" },
    });

    private static GraphResponse Buckets(GraphCall call, string planId) => planId != ScreeningPlan.PlanId ? NotFound() : GraphResponse.WithJson(200, new JsonObject
    {
        ["@odata.context"] = $"{call.GraphBase}/$metadata#planner/plans('{ScreeningPlan.PlanId}')/buckets",
        ["value"] = new JsonArray(new JsonObject
        {
            ["@odata.etag"] = "W/\"JzEtQnVja2V0QEBAQEBAQEBAQEBAQEBAQEBAWCc=\"",
            ["name"] = ScreeningPlan.BucketName,
            ["planId"] = ScreeningPlan.PlanId,
            ["orderHint"] = "8585269241124524174",
            ["id"] = ScreeningPlan.BucketId,
        }),
    });

    private static GraphResponse Tasks(GraphCall call, IEnumerable<PlannerTaskState> tasks, string context)
    {
        var list = tasks.OrderBy(task => task.CreatedAt).ToList();
        return GraphResponse.WithJson(200, new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#{context}",
            ["@odata.count"] = list.Count,
            ["value"] = GraphJson.Array(list.Select(task => GraphJson.Select(TaskJson(call, task, context: false), call.Query("$select")))),
        });
    }

    private GraphResponse Create(GraphCall call)
    {
        var body = call.JsonBody() ?? throw new GraphRequestException(400, "BadRequest", "The request body must be a JSON object.");
        var planId = GraphJson.String(body["planId"]);
        var bucketId = GraphJson.String(body["bucketId"]);
        var title = GraphJson.String(body["title"]);
        if (planId != ScreeningPlan.PlanId || bucketId is not null && bucketId != ScreeningPlan.BucketId)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 255)
        {
            return GraphResponse.Error(400, "BadRequest", "The title is required and holds at most 255 characters.");
        }

        var assignments = new JsonObject();
        if (Assign(assignments, body["assignments"]?.DeepClone() as JsonObject ?? []) is { } refusal)
        {
            return refusal;
        }

        var task = new PlannerTaskState(Ids.Planner(), ScreeningPlan.PlanId, bucketId ?? ScreeningPlan.BucketId, title, GraphJson.Timestamp(body["dueDateTime"]), assignments, NewEtag(), "", "automatic", NewEtag(), state.Now, GraphJson.Int(body["percentComplete"]) ?? 0);
        state.Data.PlannerTasks.Add(task);
        state.MarkChanged();
        return WithEtag(GraphResponse.WithJson(201, TaskJson(call, task, context: true)), task.Etag);
    }

    // Puts each of `changes` into `assignments`: a plannerAssignment with an orderHint assigns the user (stamped with
    // when and by whom), null unassigns them. A refusal leaves `assignments` as it was.
    private GraphResponse? Assign(JsonObject assignments, JsonObject changes)
    {
        foreach (var (userId, assignment) in changes)
        {
            if (!Guid.TryParse(userId, out _)
                || assignment is not null && (GraphJson.String(assignment["@odata.type"]) != "#microsoft.graph.plannerAssignment" || assignment["orderHint"] is null))
            {
                return GraphResponse.Error(400, "BadRequest", $"The assignment for '{userId}' is not a plannerAssignment with an orderHint (or null) for a user id.");
            }
        }

        foreach (var (userId, assignment) in changes.ToList())
        {
            changes.Remove(userId);
            if (assignment is null)
            {
                assignments.Remove(userId);
                continue;
            }

            assignment["assignedDateTime"] = GraphJson.PreciseTime(state.Now);
            assignment["assignedBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = ApplicationId } };
            assignments[userId] = assignment;
        }

        return null;
    }

    private GraphResponse Update(GraphCall call, PlannerTaskState task)
    {
        if (Precondition(call, task.Etag) is { } refused)
        {
            return refused;
        }

        var body = call.JsonBody() ?? [];
        var assignments = (JsonObject)task.Assignments.DeepClone();
        if (body["assignments"] is JsonObject changes && Assign(assignments, (JsonObject)changes.DeepClone()) is { } refusal)
        {
            return refusal;
        }

        var updated = task with
        {
            Assignments = assignments,
            Title = GraphJson.String(body["title"]) ?? task.Title,
            PercentComplete = GraphJson.Int(body["percentComplete"]) ?? task.PercentComplete,
            DueAt = body.ContainsKey("dueDateTime") ? GraphJson.Timestamp(body["dueDateTime"]) : task.DueAt,
            Etag = NewEtag(),
        };
        Replace(task, updated);
        return Answer(call, TaskJson(call, updated, context: true), updated.Etag);
    }

    private GraphResponse Delete(GraphCall call, PlannerTaskState task)
    {
        if (Precondition(call, task.Etag) is { } refused)
        {
            return refused;
        }

        state.Data.PlannerTasks.Remove(task);
        state.MarkChanged();
        return GraphResponse.Empty(204);
    }

    private GraphResponse UpdateDetails(GraphCall call, PlannerTaskState task)
    {
        if (Precondition(call, task.DetailsEtag) is { } refused)
        {
            return refused;
        }

        var body = call.JsonBody() ?? [];
        var updated = task with
        {
            Description = GraphJson.String(body["description"]) ?? task.Description,
            PreviewType = GraphJson.String(body["previewType"]) ?? task.PreviewType,
            DetailsEtag = NewEtag(),
        };
        Replace(task, updated);
        return Answer(call, DetailsJson(call, updated), updated.DetailsEtag);
    }

    private static GraphResponse? Precondition(GraphCall call, string etag)
    {
        if (call.Request.Header("If-Match") is not { Length: > 0 } ifMatch)
        {
            return GraphResponse.Error(400, "BadRequest", "The If-Match header must be specified for this kind of request.");
        }

        return ifMatch == etag || ifMatch == "*" ? null : GraphResponse.Error(412, "PreconditionFailed", "The request does not match the current version of the item.");
    }

    private static GraphResponse Answer(GraphCall call, JsonObject representation, string etag) =>
        WithEtag(call.Prefers("return=representation") ? GraphResponse.WithJson(200, representation) : GraphResponse.Empty(204), etag);

    private void Replace(PlannerTaskState task, PlannerTaskState updated)
    {
        state.Data.PlannerTasks[state.Data.PlannerTasks.IndexOf(task)] = updated;
        state.MarkChanged();
    }

    private static JsonObject TaskJson(GraphCall call, PlannerTaskState task, bool context)
    {
        var json = new JsonObject();
        if (context)
        {
            json["@odata.context"] = $"{call.GraphBase}/$metadata#planner/tasks/$entity";
        }

        json["@odata.etag"] = task.Etag;
        json["planId"] = task.PlanId;
        json["bucketId"] = task.BucketId;
        json["title"] = task.Title;
        json["orderHint"] = "8585269241124524174P>";
        json["assigneePriority"] = "";
        json["percentComplete"] = task.PercentComplete;
        json["priority"] = 5;
        json["hasDescription"] = task.Description.Length > 0;
        json["previewType"] = task.PreviewType;
        json["createdDateTime"] = GraphJson.PreciseTime(task.CreatedAt);
        json["startDateTime"] = null;
        json["dueDateTime"] = task.DueAt is { } due ? GraphJson.Time(due) : null;
        json["completedDateTime"] = null;
        json["referenceCount"] = 0;
        json["checklistItemCount"] = 0;
        json["activeChecklistItemCount"] = 0;
        json["conversationThreadId"] = null;
        json["createdBy"] = new JsonObject { ["user"] = new JsonObject { ["id"] = ApplicationId } };
        json["appliedCategories"] = new JsonObject();
        json["assignments"] = task.Assignments.DeepClone();
        json["id"] = task.Id;
        return json;
    }

    private static JsonObject DetailsJson(GraphCall call, PlannerTaskState task) => new()
    {
        ["@odata.context"] = $"{call.GraphBase}/$metadata#planner/tasks('{task.Id}')/details/$entity",
        ["@odata.etag"] = task.DetailsEtag,
        ["description"] = task.Description,
        ["previewType"] = task.PreviewType,
        ["id"] = task.Id,
        ["references"] = new JsonObject(),
        ["checklist"] = new JsonObject(),
    };
}
