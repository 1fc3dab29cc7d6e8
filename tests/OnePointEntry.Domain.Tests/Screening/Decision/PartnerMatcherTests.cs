using OnePointEntry.Directories;
using OnePointEntry.Screening.Decision;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

public sealed class PartnerMatcherTests
{
    [Fact]
    public void A_partner_asked_for_by_name_outranks_one_covering_more_themes()
    {
        var submission = Submission("We want to see wind power and wastewater treatment and visit dtu's campus.");

        var matches = PartnerMatcher.Match(submission, ["energy-climate", "water-environment"], Partners);

        Assert.Equal(["dtu", "hofor", "koebenhavns-kommune"], matches.Select(match => match.PartnerId));
        Assert.Equal(
            ["Asked for by name: \"DTU\"", "Covers 1 of the enquiry's 2 themes: energy-climate", "Can host the visit in English (en)"],
            matches[0].Reasons);
        Assert.Equal(PartnerMatcher.AskedByNamePoints + PartnerMatcher.ThemePoints + PartnerMatcher.LanguagePoints, matches[0].Score);
        Assert.Equal(["energy-climate", "water-environment"], matches[1].MatchedThemes);
        Assert.Contains("Covers 2 of the enquiry's 2 themes: energy-climate, water-environment", matches[1].Reasons);
    }

    [Fact]
    public void Between_partners_covering_the_same_themes_the_specialist_comes_first()
    {
        Partner[] partners =
        [
            new("a-generalist", "A Generalist", PartnerKind.Agency, "København", ["food-agriculture", "fur-industry", "investment-trade"], ["en"], null, []),
            new("z-specialist", "Z Specialist", PartnerKind.Company, "Glostrup", ["fur-industry"], ["en"], null, []),
        ];

        var matches = PartnerMatcher.Match(Submission("Fur."), ["fur-industry"], partners);

        Assert.Equal(["z-specialist", "a-generalist"], matches.Select(match => match.PartnerId));
    }

    [Fact]
    public void The_referring_municipality_and_partners_in_it_are_suggested()
    {
        var submission = Submission("Study tour on the fur trade.") with { ReferredBy = "Glostrup" };

        var matches = PartnerMatcher.Match(submission, ["fur-industry"], Partners);

        Assert.Equal(["kopenhagen-fur", "glostrup-kommune"], matches.Select(match => match.PartnerId));
        Assert.Contains("Lies in Glostrup, the municipality that referred the enquiry", matches[0].Reasons);
        Assert.Contains("Referred the enquiry (referred by Glostrup)", matches[1].Reasons);
        // Lying in the referring municipality alone is no match.
        Assert.DoesNotContain(matches, match => match.PartnerId == "glostrup-shopping");
    }

    [Theory]
    [InlineData("København", "koebenhavns-kommune")]
    [InlineData("københavn", "koebenhavns-kommune")]
    [InlineData("Hovedstaden", "region-hovedstaden")]
    public void A_referrer_is_recognised_by_its_local_name(string referredBy, string partnerId)
    {
        var submission = Submission("A general visit.") with { ReferredBy = referredBy };

        var matches = PartnerMatcher.Match(submission, [], Partners);

        Assert.Equal(partnerId, Assert.Single(matches).PartnerId);
    }

    [Fact]
    public void Names_match_whole_words_in_any_case_and_Chinese_names_anywhere()
    {
        Assert.Contains(PartnerMatcher.Match(Submission("we hope to meet COPENHAGEN FUR."), [], Partners), match => match.PartnerId == "kopenhagen-fur");
        Assert.Contains(PartnerMatcher.Match(Submission("我们希望访问哥本哈根皮草公司", "zh"), [], Partners), match => match.PartnerId == "kopenhagen-fur");
        Assert.Empty(PartnerMatcher.Match(Submission("Our DTUX programme and the hoforum."), [], Partners));
    }

    [Fact]
    public void The_language_bonus_only_adds_to_a_match()
    {
        var matches = PartnerMatcher.Match(Submission("招商引资", "zh"), ["investment-trade"], Partners);

        Assert.Equal(["copenhagen-capacity", "kopenhagen-fur"], matches.Select(match => match.PartnerId));
        Assert.All(matches, match => Assert.Contains("Can host the visit in Chinese (zh)", match.Reasons));
        Assert.All(matches, match => Assert.Equal(PartnerMatcher.ThemePoints + PartnerMatcher.LanguagePoints, match.Score));
    }

    [Fact]
    public void The_list_is_short_and_ties_are_broken_by_id()
    {
        var partners = Enumerable.Range(0, 8)
            .Select(i => new Partner($"p{7 - i}", $"Partner {i}", PartnerKind.Company, null, ["digital-tech"], [], null, []))
            .ToList();

        var matches = PartnerMatcher.Match(Submission("AI"), ["digital-tech"], partners);

        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], matches.Select(match => match.PartnerId));
        Assert.Equal(matches.Select(match => match.PartnerId), PartnerMatcher.Match(Submission("AI"), ["digital-tech"], Enumerable.Reverse(partners)).Select(match => match.PartnerId));
    }

    [Fact]
    public void No_themes_no_names_and_no_referral_give_no_matches()
    {
        Assert.Empty(PartnerMatcher.Match(Submission("A general visit."), [], Partners));
    }
}
