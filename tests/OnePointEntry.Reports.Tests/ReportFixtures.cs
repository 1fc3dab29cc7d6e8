using OnePointEntry.Statistics;

namespace OnePointEntry.Reports.Tests;

/// <summary>October 2026 against October 2025: 56 delegations against 51, as management's example has it.</summary>
internal static class ReportFixtures
{
    public static readonly CalendarMonth October2026 = new(2026, 10);

    public static MonthlyStatistics October(string organisation = "Shenzhen Water Bureau")
    {
        var delegations = new List<StatisticsFact>();
        void Add(int count, DateOnly date, string country, string sector, string? level = null, string? name = null, params string[] themes) =>
            delegations.AddRange(Enumerable.Range(0, count).Select(i => new StatisticsFact
            {
                Id = $"{country}-{date:yyyyMMdd}-{sector}-{i}-{Guid.NewGuid():N}",
                Date = date,
                CountryCode = country,
                Sector = sector,
                Level = level,
                Themes = themes,
                Organisation = name ?? $"{country} delegation {i}",
                DelegationSize = 6,
            }));

        Add(1, new DateOnly(2026, 10, 3), "CN", "public", "municipal", organisation, "water-environment");
        Add(12, new DateOnly(2026, 10, 14), "CN", "public", "provincial", null, "energy-climate");
        Add(20, new DateOnly(2026, 10, 20), "DE", "private", null, null, "investment-trade");
        Add(23, new DateOnly(2026, 10, 28), "JP", "academic");
        Add(20, new DateOnly(2025, 10, 8), "CN", "public", "municipal");
        Add(31, new DateOnly(2025, 10, 9), "DE", "private");
        // A country only last year, and one with none in either October.
        Add(8, new DateOnly(2025, 3, 1), "US", "other");
        var enquiries = new List<StatisticsFact>
        {
            new() { Id = "OPE-2610-0001", Date = new DateOnly(2026, 10, 1), CountryCode = "CN", Sector = "public" },
            new() { Id = "OPE-2610-0002", Date = new DateOnly(2026, 10, 2) },
        };
        return new MonthlyStatistics(
            PeriodStatistics.Of(StatisticsPeriod.Month(October2026), delegations, enquiries),
            PeriodStatistics.Of(StatisticsPeriod.YearToDate(October2026), delegations, enquiries),
            DelegationChart.Of(October2026, delegations),
            [.. delegations.Where(delegation => October2026.Contains(delegation.Date)).OrderBy(delegation => delegation.Date)]);
    }
}
