namespace OnePointEntry;

/// <summary>
/// One-Point Entry works in Copenhagen time: the month an enquiry belongs to, deadlines and the monthly
/// statistics follow it, whatever time zone the machine running the code is in.
/// </summary>
public static class CopenhagenTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset ToCopenhagen(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToCopenhagen(instant).DateTime);

    /// <summary>Midnight at the start of <paramref name="date"/> in Copenhagen.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The month <paramref name="instant"/> falls in, in Copenhagen, as <c>yyyy-MM</c>.</summary>
    public static string MonthOf(DateTimeOffset instant)
    {
        var date = DateOf(instant);
        return $"{date.Year:D4}-{date.Month:D2}";
    }

    /// <summary>
    /// The month of <paramref name="instant"/> and the one before, as <c>yyyy-MM</c>: where enquiries still in
    /// progress are, since anything older is long past its deadlines.
    /// </summary>
    public static IReadOnlyList<string> ThisAndLastMonth(DateTimeOffset instant)
    {
        var today = DateOf(instant);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return [$"{firstOfMonth:yyyy-MM}", $"{firstOfMonth.AddMonths(-1):yyyy-MM}"];
    }
}
