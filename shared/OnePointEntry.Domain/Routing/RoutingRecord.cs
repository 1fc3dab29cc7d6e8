namespace OnePointEntry.Routing;

/// <summary>
/// To whom an enquiry was routed, and when. What went out for it (the calendar event, the Planner task, the Teams
/// card) are deliveries of the outbox, named by the enquiry's reference and the screener.
/// </summary>
/// <param name="ScreenerId">Whom it was routed to.</param>
/// <param name="RoutedAt">When its deliveries were recorded; null in records from before the outbox.</param>
public sealed record RoutingRecord(string ScreenerId, DateTimeOffset? RoutedAt = null);
