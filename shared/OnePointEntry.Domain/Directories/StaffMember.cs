namespace OnePointEntry.Directories;

/// <summary>A One-Point Entry employee who can screen enquiries.</summary>
/// <param name="Id">The Microsoft Graph user id or user principal name: where calendar events and tasks go.</param>
/// <param name="Name">Display name.</param>
/// <param name="Languages">ISO 639-1 codes of the languages the person reads and writes well.</param>
/// <param name="Themes">Taxonomy theme ids the person knows well.</param>
/// <param name="WeeklyScreeningCapacity">How many screenings a week the person can take.</param>
/// <param name="Active">False for someone on leave or gone: never chosen.</param>
/// <param name="IsTeamLead">The named fallback when nobody else fits.</param>
public sealed record StaffMember(
    string Id,
    string Name,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Themes,
    int WeeklyScreeningCapacity,
    bool Active,
    bool IsTeamLead = false);
