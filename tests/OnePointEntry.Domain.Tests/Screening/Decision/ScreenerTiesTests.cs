using OnePointEntry.Directories;
using OnePointEntry.Screening.Decision;
using static OnePointEntry.Domain.Tests.Screening.Decision.DecisionTestData;

namespace OnePointEntry.Domain.Tests.Screening.Decision;

/// <summary>
/// Whose availability the choice of screener can still turn on, and that reading only theirs chooses the same
/// screener as reading everyone's.
/// </summary>
public sealed class ScreenerTiesTests
{
    private static readonly string[] s_languages = ["zh", "da", "en"];
    private static readonly string[] s_themes = ["fur-industry", "energy-climate", "digital-tech", "food-agriculture"];
    private static readonly string?[] s_enquiryLanguages = [null, "zh", "da", "en", "fr"];

    [Fact]
    public void When_language_decides_only_the_one_reader_leads()
    {
        var tied = ScreenerSelector.TiedBeforeAvailability("zh", ["fur-industry"], Staff, NoLoad);

        Assert.Equal(["chen.li"], tied.Select(member => member.Id));
    }

    [Fact]
    public void Screeners_equal_on_language_themes_and_load_are_tied_and_the_others_are_not()
    {
        StaffMember a = new("a", "A", ["en"], ["digital-tech"], 5, true);
        StaffMember b = new("b", "B", ["en"], ["digital-tech"], 10, true);
        StaffMember moreLoaded = new("c", "C", ["en"], ["digital-tech"], 5, true);
        StaffMember noExpertise = new("d", "D", ["en"], [], 5, true);
        StaffMember onLeave = new("e", "E", ["en"], ["digital-tech"], 5, false);
        // A has 1 of 5 and B 2 of 10: the same share; C has 2 of 5.
        var load = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 2 };

        var tied = ScreenerSelector.TiedBeforeAvailability("en", ["digital-tech"], [onLeave, noExpertise, moreLoaded, b, a], load);

        Assert.Equal(["a", "b"], tied.Select(member => member.Id));
    }

    [Fact]
    public void When_nobody_can_take_it_nobody_is_tied_because_the_team_lead_takes_it_whatever_their_calendar()
    {
        var load = Staff.ToDictionary(member => member.Id, member => member.WeeklyScreeningCapacity);

        Assert.Empty(ScreenerSelector.TiedBeforeAvailability("zh", ["fur-industry"], Staff, load));
    }

    [Fact]
    public void A_choice_made_before_availability_says_availability_was_not_needed_rather_than_not_known()
    {
        var choice = ScreenerSelector.Choose("zh", ["fur-industry"], Staff, NoLoad);

        Assert.EndsWith("; availability not needed to choose", choice.Reasons[2], StringComparison.Ordinal);
        Assert.DoesNotContain(choice.Reasons, reason => reason.Contains("free slot", StringComparison.Ordinal) || reason.Contains("availability not known", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tie_whose_calendars_could_not_be_read_says_availability_was_not_known()
    {
        StaffMember a = new("a", "A", ["en"], [], 5, true);
        StaffMember b = new("b", "B", ["en"], [], 5, true);

        var choice = ScreenerSelector.Choose("en", [], [a, b], NoLoad, new Dictionary<string, bool>());

        Assert.EndsWith("; availability not known", choice.Reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_only_the_tied_screeners_calendars_chooses_as_reading_everyones_for_many_generated_teams()
    {
        var random = new Random(20261125);
        var (oneLeader, ties, nobody, availabilityDecided) = (0, 0, 0, 0);
        for (var run = 0; run < 5_000; run++)
        {
            var staff = Team(random);
            var language = s_enquiryLanguages[random.Next(s_enquiryLanguages.Length)];
            string[] themes = [.. s_themes.Where(_ => random.Next(3) == 0)];
            var load = staff.Where(_ => random.Next(4) != 0).ToDictionary(member => member.Id, member => random.Next(member.WeeklyScreeningCapacity + 2));
            // Every calendar as it would read: free, busy, or unreadable (left out).
            var everyone = staff.Where(_ => random.Next(5) != 0).ToDictionary(member => member.Id, _ => random.Next(2) == 0);

            var tied = ScreenerSelector.TiedBeforeAvailability(language, themes, staff, load);
            var asked = tied.Count < 2 ? null : everyone.Where(entry => tied.Any(member => member.Id == entry.Key)).ToDictionary();
            var onePhase = ScreenerSelector.Choose(language, themes, staff, load, everyone);
            var twoPhase = ScreenerSelector.Choose(language, themes, staff, load, asked);

            var inputs = $"run {run}: language {language ?? "none"}, themes [{string.Join(", ", themes)}], tied [{string.Join(", ", tied.Select(member => member.Id))}]";
            Assert.True(onePhase.StaffId == twoPhase.StaffId, $"{inputs}: {onePhase.StaffId} with every calendar, {twoPhase.StaffId} with the tied ones'");
            Assert.Equal(onePhase.StaffName, twoPhase.StaffName);
            Assert.Equal(onePhase.IsFallback, twoPhase.IsFallback);
            if (tied.Count < 2)
            {
                // No calendar was read, and no reason may say one was.
                Assert.DoesNotContain(twoPhase.Reasons, reason => reason.Contains("free slot", StringComparison.Ordinal));
            }

            if (tied.Count > 0)
            {
                Assert.Contains(tied, member => member.Id == twoPhase.StaffId);
            }

            oneLeader += tied.Count == 1 ? 1 : 0;
            ties += tied.Count >= 2 ? 1 : 0;
            nobody += tied.Count == 0 ? 1 : 0;
            availabilityDecided += ScreenerSelector.Choose(language, themes, staff, load).StaffId != onePhase.StaffId ? 1 : 0;
        }

        // The generated teams cover every case, including many where availability changes the choice.
        Assert.InRange(oneLeader, 500, 5_000);
        Assert.InRange(ties, 500, 5_000);
        Assert.InRange(nobody, 50, 5_000);
        Assert.InRange(availabilityDecided, 200, 5_000);
    }

    // Small pools of languages and themes and small capacities, so that ties, full screeners and nobody
    // able to take it all come up often.
    private static List<StaffMember> Team(Random random) =>
        [.. Enumerable.Range(0, random.Next(1, 9)).Select(i => new StaffMember(
            $"s{i}@onepointentry.example",
            $"Screener {i}",
            [.. s_languages.Where(_ => random.Next(2) == 0)],
            [.. s_themes.Where(_ => random.Next(3) == 0)],
            random.Next(1, 4),
            Active: random.Next(6) != 0,
            IsTeamLead: random.Next(4) == 0))];
}
