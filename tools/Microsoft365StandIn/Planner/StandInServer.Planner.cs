using System.Text.Json.Nodes;
using Microsoft365StandIn.Planner;

namespace Microsoft365StandIn;

/// <summary>The screening plan, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>Every Planner task, in the order created.</summary>
    public IReadOnlyList<PlannerTaskState> PlannerTasks => Locked(() => (IReadOnlyList<PlannerTaskState>)[.. _state.Data.PlannerTasks.OrderBy(task => task.CreatedAt)]);

    /// <summary>Puts a task into the Screening bucket, as an earlier try whose answer was lost would have; returns its id.</summary>
    public string StagePlannerTask(string title, string? assigneeId = null, string? description = null) => Locked(() =>
    {
        var assignments = new JsonObject();
        if (assigneeId is not null)
        {
            assignments[assigneeId] = new JsonObject { ["@odata.type"] = "#microsoft.graph.plannerAssignment", ["orderHint"] = " !" };
        }

        var task = new PlannerTaskState(State.Ids.Planner(), PlanId, ScreeningBucketId, title, null, assignments, PlannerRoutes.NewEtag(), description ?? "", "automatic", PlannerRoutes.NewEtag(), _state.Now);
        _state.Data.PlannerTasks.Add(task);
        _state.MarkChanged();
        return task.Id;
    });
}
