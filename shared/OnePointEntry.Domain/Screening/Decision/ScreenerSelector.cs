using OnePointEntry.Directories;

namespace OnePointEntry.Screening.Decision;

/// <summary>Chooses the screener for an enquiry, recording the reason for every step.</summary>
/// <remarks>
/// <para>
/// Only active staff whose open screenings are below their weekly capacity can be chosen. Among them the
/// order is: reads the enquiry's language (a Chinese enquiry goes to a Chinese reader when one can take it);
/// then knows more of the enquiry's themes; then the lower open load relative to weekly capacity; then
/// availability (a free slot before the deadline beats unknown, which beats none); then the id, ordinally, so
/// the same inputs always give the same screener.
/// </para>
/// <para>
/// When nobody can take it, the active team lead (the first by id, if there are several) does, whatever
/// their own load, as the named fallback. Without an active team lead nobody is chosen and the enquiry needs
/// manual review.
/// </para>
/// <para>
/// Availability is the only rule that needs someone's calendar, so <see cref="TiedBeforeAvailability"/> names
/// whom it can still decide between; the calendars of everyone else cannot change the choice. Reading only those
/// (and none when one person leads) gives the same screener as reading everyone's.
/// </para>
/// </remarks>
public static class ScreenerSelector
{
    /// <param name="language">The enquiry's ISO 639-1 language code, when known.</param>
    /// <param name="themes">The enquiry's theme ids.</param>
    /// <param name="openLoad">Open screenings per staff id; a missing id has none.</param>
    /// <param name="availability">Per staff id, whether they have a free slot before the deadline; null or a missing id: not known.</param>
    public static ScreenerChoice Choose(
        string? language,
        IReadOnlyList<string> themes,
        IEnumerable<StaffMember> staff,
        IReadOnlyDictionary<string, int> openLoad,
        IReadOnlyDictionary<string, bool>? availability = null)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(openLoad);
        var everyone = staff.OrderBy(member => member.Id, StringComparer.Ordinal).ToList();
        var candidates = everyone
            .Select(member => new Candidate(member, language, themes, Load(openLoad, member), Availability(availability, member)))
            .ToList();
        var reasons = new List<string>();

        var inactive = candidates.Where(candidate => !candidate.Member.Active).ToList();
        var full = candidates.Where(candidate => candidate.Member.Active && !candidate.HasRoom).ToList();
        var eligible = candidates.Where(candidate => candidate.CanTakeIt).ToList();
        reasons.Add(Eligibility(everyone.Count, eligible.Count, inactive, full));

        if (eligible.Count == 0)
        {
            return Fallback(candidates, reasons);
        }

        reasons.Add(LanguageStep(language, eligible, inactive.Concat(full)));
        var ranked = eligible.OrderBy(candidate => candidate, Candidate.Ranking).ToList();
        var chosen = ranked[0];
        var availabilityDecides = ranked.Count > 1 && Candidate.BeforeAvailability.Compare(chosen, ranked[1]) == 0;
        reasons.Add($"Chosen: {chosen.Describe()}; {chosen.Facts(language, themes, availabilityDecides)}");
        if (ranked.Count > 1)
        {
            reasons.Add(Decisive(chosen, ranked[1], language));
        }
        else
        {
            reasons.Add("The only screener who can take it");
        }

        return new ScreenerChoice(chosen.Member.Id, chosen.Member.Name, false, reasons);
    }

    /// <summary>
    /// Who is still equal on language, theme expertise and load among those who can take the enquiry: the people
    /// availability decides between. Empty when nobody can take it (the team lead's fallback does not look at
    /// availability); one person when language, expertise or load already decides.
    /// </summary>
    /// <param name="language">The enquiry's ISO 639-1 language code, when known.</param>
    /// <param name="themes">The enquiry's theme ids.</param>
    /// <param name="openLoad">Open screenings per staff id; a missing id has none.</param>
    public static IReadOnlyList<StaffMember> TiedBeforeAvailability(
        string? language,
        IReadOnlyList<string> themes,
        IEnumerable<StaffMember> staff,
        IReadOnlyDictionary<string, int> openLoad)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(openLoad);
        var eligible = staff
            .OrderBy(member => member.Id, StringComparer.Ordinal)
            .Select(member => new Candidate(member, language, themes, Load(openLoad, member), null))
            .Where(candidate => candidate.CanTakeIt)
            .ToList();
        if (eligible.Count == 0)
        {
            return [];
        }

        var leader = eligible.MinBy(candidate => candidate, Candidate.BeforeAvailability)!;
        return [.. eligible.Where(candidate => Candidate.BeforeAvailability.Compare(candidate, leader) == 0).Select(candidate => candidate.Member)];
    }

    private static int Load(IReadOnlyDictionary<string, int> openLoad, StaffMember member) =>
        openLoad.TryGetValue(member.Id, out var load) ? Math.Max(0, load) : 0;

    private static bool? Availability(IReadOnlyDictionary<string, bool>? availability, StaffMember member) =>
        availability is not null && availability.TryGetValue(member.Id, out var free) ? free : null;

    private static string Eligibility(int total, int eligible, List<Candidate> inactive, List<Candidate> full)
    {
        var parts = new List<string>();
        if (inactive.Count > 0)
        {
            parts.Add($"inactive: {string.Join(", ", inactive.Select(candidate => candidate.Describe()))}");
        }

        if (full.Count > 0)
        {
            parts.Add($"at or over capacity: {string.Join(", ", full.Select(candidate => $"{candidate.Describe()} {candidate.LoadText}"))}");
        }

        return parts.Count == 0
            ? $"{eligible} of {total} staff can take it"
            : $"{eligible} of {total} staff can take it ({string.Join("; ", parts)})";
    }

    private static string LanguageStep(string? language, List<Candidate> eligible, IEnumerable<Candidate> unavailable)
    {
        if (language is null)
        {
            return "The enquiry's language is not known, so it does not decide";
        }

        var name = LanguageNames.Describe(language);
        var readers = eligible.Where(candidate => candidate.ReadsLanguage).ToList();
        if (readers.Count > 0)
        {
            return $"Language first: {readers.Count} who can take it read{(readers.Count == 1 ? "s" : "")} {name}: {string.Join(", ", readers.Select(candidate => candidate.Describe()))}";
        }

        var busyReaders = unavailable.Where(candidate => candidate.ReadsLanguage).ToList();
        return busyReaders.Count == 0
            ? $"Nobody on the staff reads {name}; language does not decide"
            : $"Nobody who can take it reads {name} ({string.Join(", ", busyReaders.Select(candidate => candidate.Describe()))} cannot take it); language does not decide";
    }

    private static string Decisive(Candidate chosen, Candidate runnerUp, string? language)
    {
        var over = $"Preferred over {runnerUp.Describe()}";
        if (chosen.ReadsLanguage != runnerUp.ReadsLanguage)
        {
            return $"{over} on language: reads {LanguageNames.Describe(language!)}";
        }

        if (chosen.ThemeOverlap != runnerUp.ThemeOverlap)
        {
            return $"{over} on theme expertise: {chosen.ThemeOverlap} against {runnerUp.ThemeOverlap} of the enquiry's themes";
        }

        if (Candidate.CompareLoad(chosen, runnerUp) != 0)
        {
            return $"{over} on load: {chosen.LoadText} against {runnerUp.LoadText}";
        }

        if (chosen.AvailabilityRank != runnerUp.AvailabilityRank)
        {
            return $"{over} on availability: {chosen.AvailabilityText} against {runnerUp.AvailabilityText}";
        }

        return $"{over}: equal on language, themes, load and availability; the lower id decides";
    }

    private static ScreenerChoice Fallback(List<Candidate> candidates, List<string> reasons)
    {
        var lead = candidates.FirstOrDefault(candidate => candidate.Member.IsTeamLead && candidate.Member.Active);
        if (lead is null)
        {
            reasons.Add("Nobody can take it and there is no active team lead to fall back on: needs manual review");
            return new ScreenerChoice(null, null, false, reasons);
        }

        reasons.Add($"Nobody can take it: falls back to the team lead {lead.Describe()} (open load {lead.LoadText})");
        return new ScreenerChoice(lead.Member.Id, lead.Member.Name, true, reasons);
    }

    private sealed class Candidate
    {
        public static readonly IComparer<Candidate> Ranking = Comparer<Candidate>.Create(Compare);

        // The rules before availability: language, then theme expertise, then load.
        public static readonly Comparer<Candidate> BeforeAvailability = Comparer<Candidate>.Create(CompareBeforeAvailability);

        public Candidate(StaffMember member, string? language, IReadOnlyList<string> themes, int load, bool? available)
        {
            Member = member;
            Load = load;
            Available = available;
            ReadsLanguage = language is not null && member.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
            KnownThemes = themes.Where(theme => member.Themes.Contains(theme, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        public StaffMember Member { get; }

        public int Load { get; }

        public bool? Available { get; }

        public bool ReadsLanguage { get; }

        public List<string> KnownThemes { get; }

        public int ThemeOverlap => KnownThemes.Count;

        public bool HasRoom => Load < Member.WeeklyScreeningCapacity;

        public bool CanTakeIt => Member.Active && HasRoom;

        public int AvailabilityRank => Available switch { true => 2, null => 1, false => 0 };

        public string LoadText => $"{Load}/{Member.WeeklyScreeningCapacity}";

        public string AvailabilityText => Available switch
        {
            true => "a free slot before the deadline",
            null => "availability not known",
            false => "no free slot before the deadline",
        };

        public string Describe() => $"{Member.Name} ({Member.Id})";

        // Unknown availability of someone chosen before availability counts is not worth a word about calendars:
        // they may never have been read, because they could not have changed the choice.
        public string Facts(string? language, IReadOnlyList<string> themes, bool availabilityDecides)
        {
            var languageText = language is null ? "language not known" : ReadsLanguage ? $"reads {LanguageNames.Describe(language)}" : $"does not read {LanguageNames.Describe(language)}";
            var themeText = ThemeOverlap == 0
                ? $"knows none of the enquiry's {themes.Count} themes"
                : $"knows {ThemeOverlap} of the enquiry's {themes.Count} themes ({string.Join(", ", KnownThemes)})";
            var availabilityText = Available is null && !availabilityDecides ? "availability not needed to choose" : AvailabilityText;
            return $"{languageText}; {themeText}; open load {LoadText} of weekly capacity; {availabilityText}";
        }

        // Lower load relative to capacity first, compared as fractions without rounding: a/b < c/d ⇔ ad < cb.
        public static int CompareLoad(Candidate x, Candidate y) =>
            ((long)x.Load * y.Member.WeeklyScreeningCapacity).CompareTo((long)y.Load * x.Member.WeeklyScreeningCapacity);

        private static int Compare(Candidate? x, Candidate? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var order = CompareBeforeAvailability(x, y);
            if (order == 0)
            {
                order = y.AvailabilityRank.CompareTo(x.AvailabilityRank);
            }

            return order != 0 ? order : string.CompareOrdinal(x.Member.Id, y.Member.Id);
        }

        private static int CompareBeforeAvailability(Candidate? x, Candidate? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var order = y.ReadsLanguage.CompareTo(x.ReadsLanguage);
            if (order == 0)
            {
                order = y.ThemeOverlap.CompareTo(x.ThemeOverlap);
            }

            return order != 0 ? order : CompareLoad(x, y);
        }
    }
}
