using System.Text.Json;
using OnePointEntry.Directories;
using OnePointEntry.Screening.Decision;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

public sealed class ScreeningDecisionMakerTests
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    private readonly ScreeningDecisionMaker _maker = ScreeningDecisionMaker.Default;

    [Fact]
    public void A_Chinese_fur_enquiry_referred_by_Glostrup_gets_partners_a_priority_and_a_Chinese_screener()
    {
        var submission = Submission("辽阳市副市长率团访问哥本哈根皮草，考察毛皮产业。", "zh") with { ReferredBy = "Glostrup" };
        var enquiry = Enquiry(submission, Facts("fur-industry"));

        var decision = _maker.Decide(enquiry, Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.AssignedToScreener, decision.Outcome);
        Assert.Equal("chen.li", decision.Screener?.StaffId);
        Assert.Null(decision.ManualReviewReason);
        Assert.Equal(["kopenhagen-fur", "glostrup-kommune"], decision.Partners.Select(match => match.PartnerId));
        Assert.Equal(
            [
                "Asked for by name: \"哥本哈根皮草\"",
                "Covers 1 of the enquiry's 1 theme: fur-industry",
                "Lies in Glostrup, the municipality that referred the enquiry",
                "Can host the visit in Chinese (zh)",
            ],
            decision.Partners[0].Reasons);
        Assert.Equal(PriorityLevel.Normal, decision.Priority.Level);
        // Received Wednesday 09:30 → due Friday 09:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(1)), decision.Deadline);
        Assert.Equal(Now, decision.DecidedAt);
    }

    [Fact]
    public void Everyone_full_gives_the_team_lead_as_fallback()
    {
        var load = Staff.ToDictionary(member => member.Id, member => member.WeeklyScreeningCapacity + 1);

        var decision = _maker.Decide(Enquiry(Submission("Wind power study visit."), Facts("energy-climate")), Staff, Partners, load, null, Now);

        Assert.Equal(DecisionOutcome.FallbackToTeamLead, decision.Outcome);
        Assert.Equal("anne.kjaer", decision.Screener?.StaffId);
        Assert.True(decision.Screener?.IsFallback);
    }

    [Fact]
    public void Nobody_at_all_to_take_it_needs_manual_review_with_the_reason()
    {
        var decision = _maker.Decide(Enquiry(Submission("Wind power study visit."), Facts("energy-climate")), [PeterHolm], Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.NeedsManualReview, decision.Outcome);
        Assert.Contains("no active team lead", decision.ManualReviewReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Availability_is_passed_on_to_the_choice()
    {
        StaffMember[] twins = [ChenLi, ChenLi with { Id = "chen.li2", Name = "Chen Li 2" }];

        var decision = _maker.Decide(Enquiry(Submission("Fur.", "zh"), Facts("fur-industry")), twins, Partners, NoLoad, new Dictionary<string, bool> { ["chen.li"] = false, ["chen.li2"] = true }, Now);

        Assert.Equal("chen.li2", decision.Screener?.StaffId);
    }

    [Theory]
    [InlineData("Best online casino bonus! Click here http://a.example http://b.example")]
    [InlineData("We offer SEO and backlinks to rank your website on Google")]
    [InlineData("http://a.example http://b.example http://c.example http://d.example http://e.example visit")]
    [InlineData("Cheap http://pills.example http://pills2.example")]
    [InlineData("提供代开发票，贷款")]
    public void Spam_needs_manual_review_instead_of_a_screener(string purpose)
    {
        var decision = _maker.Decide(Enquiry(Submission(purpose, organisation: "Promo"), Facts()), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.NeedsManualReview, decision.Outcome);
        Assert.Null(decision.Screener);
        Assert.StartsWith("Looks like spam", decision.ManualReviewReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Spam_with_themes_picked_in_the_form_is_still_spam()
    {
        var decision = _maker.Decide(Enquiry(Submission("Online casino, poker and betting: click here https://x.example"), Facts("digital-tech")), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.NeedsManualReview, decision.Outcome);
    }

    [Fact]
    public void A_real_enquiry_with_a_link_and_one_cue_word_goes_to_a_screener()
    {
        var purpose = "Our delegation from the Shenzhen finance bureau would like to visit to learn about digital government and crypto regulation. Programme: https://example.cn/programme";

        var decision = _maker.Decide(Enquiry(Submission(purpose), Facts("digital-tech")), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.AssignedToScreener, decision.Outcome);
        Assert.Contains(decision.ContentSignals, signal => signal.Contains("\"crypto\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("test test")]
    [InlineData("请回复")]
    public void An_enquiry_without_usable_content_needs_manual_review(string purpose)
    {
        var decision = _maker.Decide(Enquiry(Submission(purpose), Facts() with { CountryCode = null }), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.NeedsManualReview, decision.Outcome);
        Assert.Null(decision.Screener);
        Assert.StartsWith("No usable content: no themes, and the purpose has no substance", decision.ManualReviewReason, StringComparison.Ordinal);
        Assert.EndsWith("country not recognised", decision.ManualReviewReason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_themes_and_a_one_word_purpose_is_not_usable_even_with_a_country()
    {
        var decision = _maker.Decide(Enquiry(Submission("Delegation"), Facts()), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.NeedsManualReview, decision.Outcome);
        Assert.Equal("No usable content: no themes, and the purpose has no substance (1 word); country CN", decision.ManualReviewReason);
    }

    [Fact]
    public void A_purpose_of_substance_without_themes_goes_to_a_screener()
    {
        var decision = _maker.Decide(Enquiry(Submission("我们代表团希望明年春天访问丹麦并会见有关部门", "zh"), Facts()), Staff, Partners, NoLoad, null, Now);

        Assert.Equal(DecisionOutcome.AssignedToScreener, decision.Outcome);
    }

    [Fact]
    public void An_unscreened_enquiry_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _maker.Decide(Enquiry(Submission("Fur."), null), Staff, Partners, NoLoad, null, Now));
    }

    [Fact]
    public void The_same_inputs_give_the_same_decision()
    {
        var enquiry = Enquiry(Submission("Wind power and wastewater.", "da"), Facts("energy-climate", "water-environment"));

        var first = JsonSerializer.Serialize(_maker.Decide(enquiry, Staff, Partners, NoLoad, null, Now));
        var second = JsonSerializer.Serialize(_maker.Decide(enquiry, [.. Staff.Reverse()], [.. Partners.Reverse()], NoLoad, null, Now));

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_decision_serialises_to_JSON_with_names_for_enums()
    {
        var decision = _maker.Decide(Enquiry(Submission("Fur.", "zh") with { ReferredBy = "Glostrup" }, Facts("fur-industry")), Staff, Partners, NoLoad, null, Now);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(decision, s_web));
        var root = json.RootElement;

        Assert.Equal("AssignedToScreener", root.GetProperty("outcome").GetString());
        Assert.Equal("chen.li", root.GetProperty("screener").GetProperty("staffId").GetString());
        Assert.Equal("Normal", root.GetProperty("priority").GetProperty("level").GetString());
        Assert.Equal(["Company", "Municipality"], root.GetProperty("partners").EnumerateArray().Select(partner => partner.GetProperty("kind").GetString()));
        Assert.True(root.GetProperty("priority").GetProperty("factors").GetArrayLength() >= 3);
    }
}
