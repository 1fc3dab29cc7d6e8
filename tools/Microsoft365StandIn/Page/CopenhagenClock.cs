using System.Globalization;
using System.Text;

namespace Microsoft365StandIn.Page;

/// <summary>
/// The page shows every time as the staff read it, in Copenhagen, with the zone's name (CET in winter, CEST in
/// summer), and keeps the UTC instant in the <c>time</c> element's <c>datetime</c>.
/// </summary>
internal static class CopenhagenClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    public static string ZoneName(DateTimeOffset instant) => Zone.IsDaylightSavingTime(instant) ? "CEST" : "CET";

    /// <summary><c>Mon 7 Dec 2026, 10:00 CET</c> in a <c>time</c> element.</summary>
    public static StringBuilder AppendTime(this StringBuilder html, DateTimeOffset instant) =>
        html.AppendTimeElement(instant, Local(instant).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(instant));

    /// <summary>
    /// <c>Mon 7 Dec 2026, 10:00–10:30 CET</c>, the end with its date too when it falls on another day, each end in
    /// its own <c>time</c> element.
    /// </summary>
    public static StringBuilder AppendRange(this StringBuilder html, DateTimeOffset start, DateTimeOffset end)
    {
        var sameDay = DateOf(start) == DateOf(end);
        html.AppendTimeElement(start, Local(start).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + (sameDay ? string.Empty : " " + ZoneName(start)))
            .Append('–');
        return sameDay
            ? html.AppendTimeElement(end, Local(end).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(end))
            : html.AppendTime(end);
    }

    /// <summary><c>10:00</c> in a <c>time</c> element, for a calendar whose day and zone are said around it.</summary>
    public static StringBuilder AppendClock(this StringBuilder html, DateTimeOffset instant) =>
        html.AppendTimeElement(instant, Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture));

    /// <summary><c>Wed 9 Dec 2026</c> in a <c>time</c> element.</summary>
    public static StringBuilder AppendDate(this StringBuilder html, DateTimeOffset instant) =>
        html.AppendTimeElement(instant, Local(instant).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture));

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StringBuilder AppendTimeElement(this StringBuilder html, DateTimeOffset instant, string shown) =>
        html.Append("<time datetime=\"").Append(Utc(instant)).Append("\">").Append(HtmlText.Encode(shown)).Append("</time>");
}
