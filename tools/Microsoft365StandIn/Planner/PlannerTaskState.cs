using System.Text.Json.Nodes;

namespace Microsoft365StandIn;

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
    DateTimeOffset CreatedAt,
    int PercentComplete = 0);
