namespace Microsoft365StandIn.Calendars;

/// <summary>Time blocked in a calendar by something the app cannot read (another meeting), for getSchedule.</summary>
internal sealed record BusyBlock(string UserId, DateTimeOffset Start, DateTimeOffset End, string Status);
