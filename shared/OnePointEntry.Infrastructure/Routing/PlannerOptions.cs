using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// The team's Planner plan and its "Screening" bucket, through Microsoft Graph with the app's identity (application
/// permission Tasks.ReadWrite.All, or Tasks.ReadWrite.Shared limited to the team's group by resource-specific
/// consent). Section <c>Planner</c>: <c>Planner__PlanId</c>, <c>Planner__BucketId</c>.
/// </summary>
/// <remarks>
/// The bucket is configured by id rather than looked up by name: a bucket can be renamed in Teams at any time,
/// and an id costs no request and cannot match a second bucket of the same name.
/// </remarks>
public sealed class PlannerOptions
{
    public const string SectionName = "Planner";

    /// <summary>The plan's id (28 characters, as in the plan's URL in Planner).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Planner__PlanId is required: the id of the team's Planner plan that screening tasks go into.")]
    public string PlanId { get; set; } = "";

    /// <summary>The id of the plan's "Screening" bucket.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Planner__BucketId is required: the id of the Planner bucket \"Screening\" in that plan.")]
    public string BucketId { get; set; } = "";
}
