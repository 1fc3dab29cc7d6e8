namespace OnePointEntry.Routing;

/// <summary>
/// What routing has done for an enquiry so far, kept on the enquiry so that a retry skips every step that
/// already happened (no second calendar event, task or card).
/// </summary>
/// <param name="ScreenerId">Whom it was routed to.</param>
/// <param name="CalendarEventId">The Outlook event in the screener's calendar.</param>
/// <param name="SlotStart">When the event starts.</param>
/// <param name="PlannerTaskId">The task in the team's Planner plan.</param>
/// <param name="TeamsPostedAt">When the Teams card was posted.</param>
public sealed record RoutingRecord(
    string ScreenerId,
    string? CalendarEventId = null,
    DateTimeOffset? SlotStart = null,
    string? PlannerTaskId = null,
    DateTimeOffset? TeamsPostedAt = null);
