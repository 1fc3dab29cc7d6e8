using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Page;

/// <summary>One event of a calendar as the page shows it.</summary>
internal sealed record CalendarEvent(
    string Subject, DateTimeOffset Start, DateTimeOffset End, string ShowAs, IReadOnlyList<string> Categories, string? Body, bool BodyIsHtml, string? TransactionId)
{
    /// <summary>The event, or null when it has no readable start and end.</summary>
    public static CalendarEvent? From(JsonObject json)
    {
        if (StateJson.Time(json, "start") is not { } start || StateJson.Time(json, "end") is not { } end)
        {
            return null;
        }

        return new CalendarEvent(
            StateJson.String(json, "subject") ?? string.Empty,
            start,
            end < start ? start : end,
            StateJson.String(json, "showAs") ?? "busy",
            StateJson.Strings(json, "categories"),
            StateJson.String(json, "body"),
            string.Equals(StateJson.String(json, "bodyContentType"), "html", StringComparison.OrdinalIgnoreCase),
            StateJson.String(json, "transactionId"));
    }
}
