namespace Microsoft365StandIn;

/// <summary>An event in a user's calendar at the stand-in; times in UTC.</summary>
public sealed record CalendarEventState(
    string Id,
    string UserId,
    string Subject,
    string BodyContentType,
    string Body,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string ShowAs,
    string? TransactionId,
    IReadOnlyList<string> Categories,
    bool IsReminderOn,
    int ReminderMinutesBeforeStart);
