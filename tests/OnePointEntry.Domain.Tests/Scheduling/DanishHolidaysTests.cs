using OnePointEntry.Scheduling;

namespace OnePointEntry.Domain.Tests.Scheduling;

public sealed class DanishHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DanishHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_2026_are_the_official_ones_and_the_customary_closures()
    {
        var days = DanishHolidays.For(2026).Select(day => (day.Date, day.Name, day.Kind)).ToList();

        Assert.Equal(
            [
                (new DateOnly(2026, 1, 1), "Nytårsdag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 4, 2), "Skærtorsdag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 4, 3), "Langfredag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 4, 5), "Påskedag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 4, 6), "2. påskedag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 5, 14), "Kristi himmelfartsdag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 5, 24), "Pinsedag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 5, 25), "2. pinsedag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 6, 5), "Grundlovsdag", ClosureKind.CustomaryClosure),
                (new DateOnly(2026, 12, 24), "Juleaftensdag", ClosureKind.CustomaryClosure),
                (new DateOnly(2026, 12, 25), "Juledag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 12, 26), "2. juledag", ClosureKind.PublicHoliday),
                (new DateOnly(2026, 12, 31), "Nytårsaftensdag", ClosureKind.CustomaryClosure),
            ],
            days);
    }

    [Theory]
    [InlineData(2024, 3, 28, "Skærtorsdag")]
    [InlineData(2024, 3, 29, "Langfredag")]
    [InlineData(2024, 4, 1, "2. påskedag")]
    [InlineData(2024, 5, 9, "Kristi himmelfartsdag")]
    [InlineData(2024, 5, 20, "2. pinsedag")]
    [InlineData(2025, 4, 17, "Skærtorsdag")]
    [InlineData(2025, 5, 29, "Kristi himmelfartsdag")]
    [InlineData(2025, 6, 9, "2. pinsedag")]
    [InlineData(2027, 3, 25, "Skærtorsdag")]
    [InlineData(2027, 5, 6, "Kristi himmelfartsdag")]
    [InlineData(2027, 5, 17, "2. pinsedag")]
    public void Movable_holidays_are_found_by_date(int year, int month, int day, string name) =>
        Assert.Equal(name, DanishHolidays.Find(new DateOnly(year, month, day))?.Name);

    [Fact]
    public void Store_bededag_is_a_holiday_in_2023_and_gone_from_2024()
    {
        Assert.Equal("Store bededag", DanishHolidays.Find(new DateOnly(2023, 5, 5))?.Name);
        Assert.Contains(DanishHolidays.For(2023), day => day.Name == "Store bededag");
        Assert.DoesNotContain(DanishHolidays.For(2024), day => day.Name == "Store bededag");
        // Where it would have fallen in 2024: the fourth Friday after Easter.
        Assert.False(DanishHolidays.IsClosed(new DateOnly(2024, 4, 26)));
        Assert.Equal(13, DanishHolidays.For(2024).Count);
        Assert.Equal(14, DanishHolidays.For(2023).Count);
    }

    [Fact]
    public void An_ordinary_weekday_is_not_closed()
    {
        Assert.Null(DanishHolidays.Find(new DateOnly(2026, 11, 25)));
        Assert.False(DanishHolidays.IsClosed(new DateOnly(2026, 6, 4)));
    }
}
