using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Planner;

/// <summary>The screening plan: tasks in the bucket, and task details changed only with their current ETag.</summary>
public sealed class PlannerTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_task_is_created_in_the_bucket_and_its_details_change_with_the_current_ETag_only()
    {
        var assignee = _server.AddUser("mei.chen@onepointentry.example", displayName: "Mei Chen");
        var graph = GraphClients.For(_server);
        var assignments = new PlannerAssignments();
        assignments.AdditionalData[assignee] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };

        var task = await graph.Planner.Tasks.PostAsync(new PlannerTask
        {
            PlanId = StandInServer.PlanId,
            BucketId = StandInServer.ScreeningBucketId,
            Title = "[OPE-2612-7K3F] Screen the enquiry",
            DueDateTime = new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero),
            Assignments = assignments,
        });
        var listed = await graph.Planner.Buckets[StandInServer.ScreeningBucketId].Tasks.GetAsync();
        var details = await graph.Planner.Tasks[task!.Id].Details.GetAsync();
        var etag = (string)details!.AdditionalData["@odata.etag"];

        await graph.Planner.Tasks[task.Id].Details.PatchAsync(new PlannerTaskDetails { Description = "Notes", PreviewType = PlannerPreviewType.Description }, request => request.Headers.Add("If-Match", etag));
        var stale = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks[task.Id].Details.PatchAsync(new PlannerTaskDetails { Description = "Other" }, request => request.Headers.Add("If-Match", etag)));
        var missing = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks[task.Id].Details.PatchAsync(new PlannerTaskDetails { Description = "Other" }));

        Assert.Equal(task.Id, Assert.Single(listed!.Value!).Id);
        Assert.Equal((412, "PreconditionFailed"), (stale.ResponseStatusCode, stale.Error?.Code));
        Assert.Equal(400, missing.ResponseStatusCode);
        var kept = Assert.Single(_server.PlannerTasks);
        Assert.Equal(("Notes", "description"), (kept.Description, kept.PreviewType));
        Assert.Equal(assignee, Assert.Single(kept.Assignments).Key);
        var shown = _server.Snapshot()["planner"]!["plans"]![0]!["buckets"]![0]!["tasks"]![0]!;
        Assert.Equal("Mei Chen", shown["assignees"]![0]!["displayName"]!.GetValue<string>());
        Assert.Equal("2026-12-10T15:00:00Z", shown["dueDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_for_another_plan_or_with_a_malformed_assignment_is_refused()
    {
        var graph = GraphClients.For(_server);

        var otherPlan = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks.PostAsync(new PlannerTask { PlanId = "another-plan", Title = "x" }));
        var assignments = new PlannerAssignments();
        assignments.AdditionalData["not-a-user-id"] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };
        var malformed = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks.PostAsync(new PlannerTask { PlanId = StandInServer.PlanId, Title = "x", Assignments = assignments }));

        Assert.Equal(404, otherPlan.ResponseStatusCode);
        Assert.Equal(400, malformed.ResponseStatusCode);
        Assert.Empty(_server.PlannerTasks);
    }

    [Fact]
    public async Task A_tasks_assignments_change_with_its_current_ETag_null_unassigning_a_user()
    {
        var mei = _server.AddUser("mei.chen@onepointentry.example", displayName: "Mei Chen");
        var sofie = _server.AddUser("sofie.madsen@onepointentry.example", displayName: "Sofie Madsen");
        var graph = GraphClients.For(_server);
        var assignments = new PlannerAssignments();
        assignments.AdditionalData[mei] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };
        var task = await graph.Planner.Tasks.PostAsync(new PlannerTask { PlanId = StandInServer.PlanId, BucketId = StandInServer.ScreeningBucketId, Title = "[OPE-2612-7K3F] Screen", Assignments = assignments });
        var etag = (string)task!.AdditionalData["@odata.etag"];
        var handOver = new PlannerAssignments();
        handOver.AdditionalData[mei] = null!;
        handOver.AdditionalData[sofie] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };

        await graph.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Assignments = handOver }, request => request.Headers.Add("If-Match", etag));
        var stale = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Assignments = handOver }, request => request.Headers.Add("If-Match", etag)));
        var malformed = new PlannerAssignments();
        malformed.AdditionalData["not-a-user-id"] = null!;
        var current = (string)(await graph.Planner.Tasks[task.Id].GetAsync())!.AdditionalData["@odata.etag"];
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Planner.Tasks[task.Id].PatchAsync(new PlannerTask { Assignments = malformed }, request => request.Headers.Add("If-Match", current)));

        Assert.Equal(412, stale.ResponseStatusCode);
        Assert.Equal(400, refused.ResponseStatusCode);
        var kept = Assert.Single(_server.PlannerTasks);
        Assert.Equal(sofie, Assert.Single(kept.Assignments).Key);
        Assert.NotNull(kept.Assignments[sofie]!["assignedDateTime"]);
    }
}
