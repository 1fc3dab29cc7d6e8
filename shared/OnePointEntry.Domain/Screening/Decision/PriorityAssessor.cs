using System.Globalization;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Screening.Decision;

/// <summary>
/// Scores how urgently an enquiry should be screened, from who the delegation is, how complete the enquiry
/// is, and how soon the visit is.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Sector and level: national government 40, provincial 35, municipal 25, public of unknown level 25,
/// academic 15, private 10, other or unknown 5. A travel agency's tour (organisation or purpose naming a
/// travel agency, tour operator, 旅行社, ...) takes away 15.</item>
/// <item>Completeness: 5 for each of arrival date, delegation size, country and themes known.</item>
/// <item>Timing, by the arrival date in Copenhagen: within 3 weeks (21 days) adds 25; in the past takes away
/// 20; more than 6 months (182 days) away takes away 10; otherwise, or without a date, nothing.</item>
/// </list>
/// High from 50 points, Normal from 25, Low below. So with all else equal a provincial government delegation
/// (complete, five weeks out: 55, High) outranks a municipal one (45, Normal), which outranks a private travel
/// agency's tour (15, Low).
/// </remarks>
public sealed class PriorityAssessor
{
    public const int HighFrom = 50;
    public const int NormalFrom = 25;
    public const int SoonDays = 21;
    public const int FarAwayDays = 182;

    private readonly PhraseList _tourCues;

    public PriorityAssessor(ScreeningCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        _tourCues = new PhraseList(cues.TourOperatorCues);
    }

    public PriorityAssessment Assess(EnquirySubmission submission, ScreenedFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(facts);
        List<PriorityFactor> factors = [Sector(facts.Sector ?? submission.Sector, facts.Level ?? submission.Level)];

        var tourCues = _tourCues.FoundIn(submission.Organisation + "\n" + submission.Purpose);
        if (tourCues.Count > 0)
        {
            factors.Add(new PriorityFactor("tour", -15, $"Looks like a travel agency's tour: {string.Join(", ", tourCues.Select(cue => $"\"{cue}\""))}"));
        }

        factors.Add(Completeness(submission, facts));
        factors.Add(Timing(submission.ArrivalDate, CopenhagenTime.DateOf(now)));

        var score = factors.Sum(factor => factor.Points);
        var level = score >= HighFrom ? PriorityLevel.High : score >= NormalFrom ? PriorityLevel.Normal : PriorityLevel.Low;
        return new PriorityAssessment(level, score, factors);
    }

    private static PriorityFactor Sector(string? sector, string? level) => (sector, level) switch
    {
        ("public", "national") => new("sector", 40, "National government delegation"),
        ("public", "provincial") => new("sector", 35, "Provincial government delegation"),
        ("public", "municipal") => new("sector", 25, "Municipal government delegation"),
        ("public", _) => new("sector", 25, "Public-sector delegation, level unknown"),
        ("academic", _) => new("sector", 15, "Academic delegation"),
        ("private", _) => new("sector", 10, "Private-sector delegation"),
        ("other", _) => new("sector", 5, "Delegation of another or mixed sector"),
        _ => new("sector", 5, "Sector unknown"),
    };

    private static PriorityFactor Completeness(EnquirySubmission submission, ScreenedFacts facts)
    {
        (string Name, bool Known)[] parts =
        [
            ("arrival date", submission.ArrivalDate is not null),
            ("size", submission.DelegationSize is not null),
            ("country", facts.CountryCode is not null),
            ("themes", facts.Themes.Count > 0),
        ];
        var known = parts.Where(part => part.Known).Select(part => part.Name).ToList();
        var missing = parts.Where(part => !part.Known).Select(part => part.Name).ToList();
        var reason = missing.Count == 0
            ? "Complete: arrival date, size, country and themes known"
            : $"{known.Count} of {parts.Length} known; missing: {string.Join(", ", missing)}";
        return new PriorityFactor("completeness", 5 * known.Count, reason);
    }

    private static PriorityFactor Timing(DateOnly? arrival, DateOnly today)
    {
        if (arrival is not { } date)
        {
            return new PriorityFactor("timing", 0, "No arrival date given");
        }

        var days = date.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => new PriorityFactor("timing", -20, $"Arrival {Iso(date)} has passed ({Days(-days)} ago)"),
            <= SoonDays => new PriorityFactor("timing", 25, $"Arrives {Iso(date)}, in {Days(days)}: within 3 weeks"),
            > FarAwayDays => new PriorityFactor("timing", -10, $"Arrives {Iso(date)}, in {Days(days)}: more than 6 months away"),
            _ => new PriorityFactor("timing", 0, $"Arrives {Iso(date)}, in {Days(days)}"),
        };
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
