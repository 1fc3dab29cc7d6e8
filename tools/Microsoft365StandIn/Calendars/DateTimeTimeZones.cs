using System.Globalization;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Calendars;

/// <summary>Graph's <c>dateTimeTimeZone</c>: a local time and the zone it is in (Windows or IANA name, or UTC).</summary>
internal static class DateTimeTimeZones
{
    /// <summary>The time in the zone asked for (<c>Prefer: outlook.timezone</c>), UTC when none or unknown.</summary>
    public static JsonObject Write(DateTimeOffset value, string? zone)
    {
        var info = Find(zone);
        var local = info is null ? value.UtcDateTime : TimeZoneInfo.ConvertTime(value, info).DateTime;
        return new JsonObject
        {
            ["dateTime"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            ["timeZone"] = info is null ? "UTC" : zone,
        };
    }

    /// <summary>The instant a <c>dateTimeTimeZone</c> names; null when it is missing or unreadable.</summary>
    public static DateTimeOffset? Read(JsonNode? node)
    {
        if (node?["dateTime"] is not JsonValue text || !text.TryGetValue<string>(out var value)
            || !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = node["timeZone"] is JsonValue zoneValue && zoneValue.TryGetValue<string>(out var name) ? name : "UTC";
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (local.Kind == DateTimeKind.Utc || Find(zone) is not { } info)
        {
            return IsUtc(zone) || local.Kind == DateTimeKind.Utc ? new DateTimeOffset(unspecified, TimeSpan.Zero) : null;
        }

        return new DateTimeOffset(unspecified, info.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static bool IsUtc(string? zone) =>
        string.IsNullOrEmpty(zone) || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("Coordinated Universal Time", StringComparison.OrdinalIgnoreCase);

    private static TimeZoneInfo? Find(string? zone)
    {
        if (IsUtc(zone))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone!);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
