using OnePointEntry.Screening.Decision;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

public sealed class PriorityAssessorTests
{
    private readonly PriorityAssessor _assessor = new(ScreeningCues.Default);

    [Fact]
    public void A_provincial_government_outranks_a_municipal_one_which_outranks_a_private_tour()
    {
        var provincial = _assessor.Assess(Submission("Study visit on wind power."), Facts("energy-climate") with { Level = "provincial" }, Now);
        var municipal = _assessor.Assess(Submission("Study visit on wind power."), Facts("energy-climate"), Now);
        var tour = _assessor.Assess(
            Submission("A study tour on wind power for our customers.", organisation: "Shenyang Sunshine Travel Agency Co., Ltd."),
            Facts("energy-climate") with { Sector = "private", Level = null },
            Now);

        Assert.True(provincial.Score > municipal.Score, $"{provincial.Score} > {municipal.Score}");
        Assert.True(municipal.Score > tour.Score, $"{municipal.Score} > {tour.Score}");
        Assert.Equal(PriorityLevel.High, provincial.Level);
        Assert.Equal(PriorityLevel.Normal, municipal.Level);
        Assert.Equal(PriorityLevel.Low, tour.Level);
        Assert.Contains(tour.Factors, factor => factor is { Factor: "tour", Points: < 0 } && factor.Reason.Contains("travel agency", StringComparison.Ordinal));
        Assert.Equal("Provincial government delegation", provincial.Factors[0].Reason);
    }

    [Fact]
    public void A_national_delegation_outranks_a_provincial_one()
    {
        var national = _assessor.Assess(Submission("Visit."), Facts("energy-climate") with { Level = "national" }, Now);
        var provincial = _assessor.Assess(Submission("Visit."), Facts("energy-climate") with { Level = "provincial" }, Now);

        Assert.True(national.Score > provincial.Score);
    }

    [Fact]
    public void A_Chinese_travel_agency_is_recognised_as_a_tour()
    {
        var tour = _assessor.Assess(Submission("组织考察团", "zh", "上海春秋旅行社"), Facts("tourism-culture") with { Sector = "private", Level = null }, Now);

        Assert.Contains(tour.Factors, factor => factor.Factor == "tour");
    }

    [Fact]
    public void The_score_is_the_sum_of_the_factors()
    {
        var assessment = _assessor.Assess(Submission("Visit."), Facts("energy-climate"), Now);

        Assert.Equal(assessment.Factors.Sum(factor => factor.Points), assessment.Score);
        Assert.Equal(["sector", "completeness", "timing"], assessment.Factors.Select(factor => factor.Factor));
    }

    [Fact]
    public void Missing_details_lower_the_priority_and_are_named()
    {
        var complete = _assessor.Assess(Submission("Visit."), Facts("energy-climate"), Now);
        var sparse = _assessor.Assess(Submission("Visit.") with { ArrivalDate = null, DepartureDate = null, DelegationSize = null }, Facts() with { CountryCode = null }, Now);

        Assert.Equal("Complete: arrival date, size, country and themes known", complete.Factors.Single(factor => factor.Factor == "completeness").Reason);
        var completeness = sparse.Factors.Single(factor => factor.Factor == "completeness");
        Assert.Equal(0, completeness.Points);
        Assert.Equal("0 of 4 known; missing: arrival date, size, country, themes", completeness.Reason);
        Assert.True(complete.Score > sparse.Score);
    }

    [Theory]
    [InlineData(2026, 12, 10, 25)]
    [InlineData(2026, 12, 16, 25)]
    [InlineData(2026, 12, 17, 0)]
    [InlineData(2027, 5, 26, 0)]
    [InlineData(2027, 5, 27, -10)]
    [InlineData(2026, 11, 24, -20)]
    [InlineData(2026, 11, 25, 25)]
    public void A_visit_within_three_weeks_raises_and_a_past_or_far_one_lowers(int year, int month, int day, int points)
    {
        var assessment = _assessor.Assess(Submission("Visit.") with { ArrivalDate = new DateOnly(year, month, day) }, Facts("energy-climate"), Now);

        Assert.Equal(points, assessment.Factors.Single(factor => factor.Factor == "timing").Points);
    }

    [Fact]
    public void The_visits_timing_is_judged_by_the_Copenhagen_date()
    {
        // 23:30 UTC on 24 November is already 25 November in Copenhagen: an arrival on the 24th has passed.
        var lateEvening = new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

        var assessment = _assessor.Assess(Submission("Visit.") with { ArrivalDate = new DateOnly(2026, 11, 24) }, Facts("energy-climate"), lateEvening);

        Assert.Equal("Arrival 2026-11-24 has passed (1 day ago)", assessment.Factors.Single(factor => factor.Factor == "timing").Reason);
    }
}
