using LocalFunctionsHost.Settings;

namespace LocalFunctionsHost.Timers;

/// <summary>The time zone for schedules: WEBSITE_TIME_ZONE, else TZ, else the machine's.</summary>
internal static class AppTimeZone
{
    public static TimeZoneInfo Resolve(AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var id = settings.Get("WEBSITE_TIME_ZONE") ?? settings.Get("TZ");
        return id is null ? TimeZoneInfo.Local : FromId(id);
    }

    /// <summary>
    /// Takes IANA ids ("Europe/London") and Windows ids ("GMT Standard Time"): .NET converts
    /// between them with ICU on Linux, and App Service on Windows expects the latter.
    /// </summary>
    public static TimeZoneInfo FromId(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            return TimeZoneInfo.FindSystemTimeZoneById(iana);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new InvalidOperationException($"The time zone '{id}' (WEBSITE_TIME_ZONE or TZ) is not known on this machine.", ex);
        }
    }
}
