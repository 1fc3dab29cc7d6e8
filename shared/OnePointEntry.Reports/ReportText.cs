using System.Globalization;
using OnePointEntry.Geography;
using OnePointEntry.Statistics;
using OnePointEntry.Themes;

namespace OnePointEntry.Reports;

/// <summary>
/// How figures read in the report: names for codes, and shares and growth rounded to one decimal, which is
/// the only place they are rounded.
/// </summary>
public sealed class ReportText(CountryDirectory countries, ThemeTaxonomy themes)
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    public static ReportText Default { get; } = new(CountryDirectory.Default, ThemeTaxonomy.Default);

    public string CountryName(string? code) =>
        code is null ? "Other countries" : countries.Find(code)?.NameIn("en") ?? code;

    public string ThemeName(string id) => themes.Themes.FirstOrDefault(theme => theme.Id == id)?.NameIn("en") ?? id;

    public static string SectorName(string sector) => sector switch
    {
        "public" => "Public sector",
        "private" => "Private sector",
        "academic" => "Academic",
        "other" => "Other",
        _ => sector,
    };

    public static string LevelName(string level) => level switch
    {
        "national" => "National",
        "provincial" => "Provincial",
        "municipal" => "Municipal",
        _ => level,
    };

    /// <summary><c>October 2026</c>, <c>January–October 2026</c> or <c>2026</c>.</summary>
    public static string PeriodName(StatisticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            StatisticsPeriodKind.Month => MonthName(period.First),
            StatisticsPeriodKind.Year => period.First.Year.ToString(s_culture),
            _ => period.First == period.Last ? MonthName(period.First) : $"{MonthOnly(period.First)}–{MonthName(period.Last)}",
        };
    }

    public static string MonthName(CalendarMonth month) => $"{MonthOnly(month)} {month.Year.ToString(s_culture)}";

    /// <summary><c>Oct 2026</c>, for chart axes.</summary>
    public static string ShortMonthName(CalendarMonth month) =>
        $"{s_culture.DateTimeFormat.GetAbbreviatedMonthName(month.Month)} {month.Year.ToString(s_culture)}";

    public static string Count(int count) => count.ToString("N0", s_culture);

    /// <summary>0.2 is <c>20.0%</c>.</summary>
    public static string Percent(double fraction) => fraction.ToString("0.0%", s_culture);

    /// <summary><c>+9.8%</c>, <c>−12.5%</c>, <c>0.0%</c>; <c>new</c> from nothing; <c>–</c> when there was nothing either year.</summary>
    public static string Growth(double? fraction, int now) => fraction switch
    {
        null => now > 0 ? "new" : "–",
        > 0 => "+" + Percent(fraction.Value),
        < 0 => "−" + Percent(-fraction.Value),
        _ => Percent(0),
    };

    /// <summary>"56 delegations facilitated, up 9.8% from 51 in October 2025".</summary>
    public static string Headline(Measure measure, int now, int earlier, StatisticsPeriod earlierPeriod)
    {
        var noun = (measure, now) switch
        {
            (Measure.DelegationsFacilitated, 1) => "1 delegation facilitated",
            (Measure.DelegationsFacilitated, _) => $"{Count(now)} delegations facilitated",
            (_, 1) => "1 enquiry received",
            _ => $"{Count(now)} enquiries received",
        };
        var change = OnePointEntry.Statistics.Growth.Fraction(earlier, now) switch
        {
            null when now == 0 => "none in",
            null => "against none in",
            > 0 and var up => $"up {Percent(up)} from {Count(earlier)} in",
            < 0 and var down => $"down {Percent(-down)} from {Count(earlier)} in",
            _ => $"the same as in",
        };
        return $"{noun}, {change} {PeriodName(earlierPeriod)}{(now == 0 && earlier == 0 ? " either" : string.Empty)}";
    }

    private static string MonthOnly(CalendarMonth month) => s_culture.DateTimeFormat.GetMonthName(month.Month);
}
