using System.Text.Json.Serialization;

namespace OnePointEntry.Workspace;

/// <summary>
/// The states of an enquiry that need a person, as the worklist groups them. Stored by name in the worklist's
/// index, so members may be added but never renamed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkState>))]
public enum WorkState
{
    /// <summary>Screening could not decide (or failed): a person reads it first.</summary>
    ManualReview,

    /// <summary>Routing to a screener failed on every retry.</summary>
    RoutingFailed,

    /// <summary>A message about the enquiry (acknowledgement, event, task, card) failed after every attempt.</summary>
    DeliveryFailed,

    /// <summary>With a screener, who decides whether One-Point Entry takes the delegation on.</summary>
    AwaitingDecision,

    /// <summary>Accepted, and partners are being asked.</summary>
    InMediation,

    /// <summary>The visit is scheduled and has not taken place.</summary>
    UpcomingVisit,
}
