namespace OnePointEntry.Routing;

/// <summary>A Planner task for screening one enquiry.</summary>
/// <param name="Reference">The enquiry's reference; the title starts with it, which is how a retry finds the task.</param>
/// <param name="Notes">Plain text: Planner task details are not HTML.</param>
public sealed record ScreeningTask(string Reference, string AssigneeId, string Title, string Notes, DateTimeOffset DueAt);
