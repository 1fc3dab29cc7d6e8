using OnePointEntry.Directories;
using OnePointEntry.Screening.Decision;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

public sealed class ScreenerSelectorTests
{
    private static readonly string[] DanishReaders = ["mette.hansen", "lars.nielsen", "anne.kjaer"];

    [Fact]
    public void A_Chinese_fur_enquiry_goes_to_the_Chinese_reader_who_knows_fur()
    {
        var choice = ScreenerSelector.Choose("zh", ["fur-industry"], Staff, NoLoad);

        Assert.Equal("chen.li", choice.StaffId);
        Assert.False(choice.IsFallback);
        Assert.Equal("6 of 7 staff can take it (inactive: Peter Holm (peter.holm))", choice.Reasons[0]);
        Assert.Equal("Language first: 2 who can take it read Chinese (zh): Chen Li (chen.li), Zhang Wei (zhang.wei)", choice.Reasons[1]);
        Assert.Equal("Preferred over Zhang Wei (zhang.wei) on theme expertise: 1 against 0 of the enquiry's themes", choice.Reasons[^1]);
    }

    [Fact]
    public void A_Chinese_energy_enquiry_goes_to_a_Chinese_reader_before_a_Danish_energy_expert()
    {
        // Lars Nielsen knows both themes, Zhang Wei too, but only Zhang Wei reads Chinese.
        var choice = ScreenerSelector.Choose("zh", ["energy-climate", "maritime-logistics"], Staff, NoLoad);

        Assert.Equal("zhang.wei", choice.StaffId);
    }

    [Fact]
    public void Language_comes_before_theme_expertise()
    {
        // Lars knows two of the themes, Zhang Wei one; the Chinese reader still wins.
        var choice = ScreenerSelector.Choose("zh", ["energy-climate", "maritime-logistics", "water-environment"], [LarsNielsen, ZhangWei with { Themes = ["energy-climate"] }], NoLoad);

        Assert.Equal("zhang.wei", choice.StaffId);
        Assert.Equal("Preferred over Lars Nielsen (lars.nielsen) on language: reads Chinese (zh)", choice.Reasons[^1]);
    }

    [Fact]
    public void When_every_Chinese_reader_is_full_the_theme_expert_gets_it_and_the_reason_says_so()
    {
        var load = new Dictionary<string, int> { ["chen.li"] = 5, ["zhang.wei"] = 4 };

        var choice = ScreenerSelector.Choose("zh", ["energy-climate"], Staff, load);

        Assert.Equal("lars.nielsen", choice.StaffId);
        Assert.Contains("at or over capacity: Chen Li (chen.li) 5/5, Zhang Wei (zhang.wei) 4/4", choice.Reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("Nobody who can take it reads Chinese (zh) (", choice.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_Danish_welfare_enquiry_goes_to_the_Danish_reader_who_knows_welfare()
    {
        var choice = ScreenerSelector.Choose("da", ["welfare-eldercare"], Staff, NoLoad);

        Assert.Equal("mette.hansen", choice.StaffId);
        Assert.Contains("Mette Hansen (mette.hansen)", choice.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_Danish_enquiry_never_goes_to_someone_who_reads_no_Danish_while_a_Danish_reader_can_take_it()
    {
        // Sarah Jones knows the theme, but reads only English.
        var choice = ScreenerSelector.Choose("da", ["digital-tech"], Staff, NoLoad);

        Assert.NotEqual("sarah.jones", choice.StaffId);
        Assert.Contains(choice.StaffId, DanishReaders);
    }

    [Fact]
    public void An_English_enquiry_is_decided_by_theme_expertise()
    {
        var choice = ScreenerSelector.Choose("en", ["digital-tech", "education-research"], Staff, NoLoad);

        Assert.Equal("sarah.jones", choice.StaffId);
        Assert.Contains("reads English (en); knows 2 of the enquiry's 2 themes (digital-tech, education-research)", choice.Reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Between_equals_the_lower_load_relative_to_capacity_wins()
    {
        StaffMember a = new("a", "A", ["en"], ["digital-tech"], 10, true);
        StaffMember b = new("b", "B", ["en"], ["digital-tech"], 4, true);
        // A has 4 of 10 (40%), B 2 of 4 (50%): A has more open screenings but the lower share.
        var choice = ScreenerSelector.Choose("en", ["digital-tech"], [b, a], new Dictionary<string, int> { ["a"] = 4, ["b"] = 2 });

        Assert.Equal("a", choice.StaffId);
        Assert.Equal("Preferred over B (b) on load: 4/10 against 2/4", choice.Reasons[^1]);
    }

    [Fact]
    public void Between_equals_with_equal_load_a_free_slot_wins_then_unknown_then_none()
    {
        StaffMember a = new("a", "A", ["en"], [], 5, true);
        StaffMember b = new("b", "B", ["en"], [], 5, true);
        StaffMember c = new("c", "C", ["en"], [], 5, true);

        var withSlot = ScreenerSelector.Choose("en", [], [a, b, c], NoLoad, new Dictionary<string, bool> { ["a"] = false, ["c"] = true });
        var unknownBeatsNone = ScreenerSelector.Choose("en", [], [a, b], NoLoad, new Dictionary<string, bool> { ["a"] = false });

        Assert.Equal("c", withSlot.StaffId);
        Assert.Equal("Preferred over B (b) on availability: a free slot before the deadline against availability not known", withSlot.Reasons[^1]);
        Assert.Equal("b", unknownBeatsNone.StaffId);
    }

    [Fact]
    public void A_tie_on_everything_is_broken_by_id_whatever_the_order_given()
    {
        StaffMember a = new("a", "A", ["en"], [], 5, true);
        StaffMember b = new("b", "B", ["en"], [], 5, true);

        Assert.Equal("a", ScreenerSelector.Choose("en", [], [b, a], NoLoad).StaffId);
        Assert.Equal("a", ScreenerSelector.Choose("en", [], [a, b], NoLoad).StaffId);
        Assert.EndsWith("the lower id decides", ScreenerSelector.Choose("en", [], [b, a], NoLoad).Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Inactive_staff_are_never_chosen_however_well_they_fit()
    {
        // Peter Holm reads Chinese, knows both themes and has the largest capacity, but is on leave.
        var choice = ScreenerSelector.Choose("zh", ["fur-industry", "investment-trade"], [PeterHolm, LarsNielsen], NoLoad);

        Assert.Equal("lars.nielsen", choice.StaffId);
    }

    [Fact]
    public void Staff_at_or_over_capacity_are_never_chosen()
    {
        var load = new Dictionary<string, int> { ["chen.li"] = 7 };

        var choice = ScreenerSelector.Choose("zh", ["fur-industry"], [ChenLi, SarahJones], load);

        Assert.Equal("sarah.jones", choice.StaffId);
        Assert.Contains("Chen Li (chen.li) 7/5", choice.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void When_nobody_can_take_it_the_team_lead_does_with_the_reason()
    {
        var load = Staff.ToDictionary(member => member.Id, member => member.WeeklyScreeningCapacity);

        var choice = ScreenerSelector.Choose("zh", ["fur-industry"], Staff, load);

        Assert.Equal("anne.kjaer", choice.StaffId);
        Assert.True(choice.IsFallback);
        Assert.Equal("Nobody can take it: falls back to the team lead Anne Kjær (anne.kjaer) (open load 2/2)", choice.Reasons[^1]);
    }

    [Fact]
    public void Without_an_active_team_lead_nobody_is_chosen()
    {
        var choice = ScreenerSelector.Choose("en", [], [PeterHolm, AnneKjaer with { Active = false }], NoLoad);

        Assert.Null(choice.StaffId);
        Assert.False(choice.IsFallback);
        Assert.Contains("no active team lead", choice.Reasons[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_does_not_decide()
    {
        var choice = ScreenerSelector.Choose(null, ["water-environment", "energy-climate"], Staff, NoLoad);

        Assert.Equal("The enquiry's language is not known, so it does not decide", choice.Reasons[1]);
        // Lars and Zhang Wei both know both themes; Lars has the lower share of his capacity (0/5 = 0/4), so the id decides.
        Assert.Equal("lars.nielsen", choice.StaffId);
    }
}
