namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>
/// One delivered mail, followed to its Teams card; times in milliseconds after delivery. The queue waits run from
/// when a message was queued (the end of the function that queued it, or for screening the acknowledgement sent
/// just after) to the start of the function that took it (null when the host's log does not show both).
/// </summary>
internal sealed record MailTiming(
    int Number,
    string File,
    string Reference,
    string Screener,
    bool FirstForScreener,
    double Notification,
    double Acknowledgement,
    double Event,
    double Card,
    double? IntakeWait,
    double? ScreeningWait,
    double? RoutingWait,
    double? TakeInRun,
    double? ScreenRun,
    double? RouteRun,
    IReadOnlyList<string> GraphRoutes,
    int TokenRequests,
    int TeamsRequests,
    int AcsRequests,
    int GraphAfterCard,
    IReadOnlyList<string> TimersInWindow);
