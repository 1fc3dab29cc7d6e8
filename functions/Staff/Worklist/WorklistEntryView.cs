using OnePointEntry.Workspace;

namespace OnePointEntry.Functions.Staff.Worklist;

/// <summary>One line of the worklist.</summary>
public sealed record WorklistEntryView(
    string Reference,
    string Status,
    string State,
    DateTimeOffset? Due,
    DateTimeOffset ReceivedAt,
    string Organisation,
    string? Country,
    IReadOnlyList<string> Themes,
    string? ScreenerId,
    string? SenderDomain)
{
    public static WorklistEntryView Of(WorklistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.Reference.ToString(),
            entry.Status.ToString(),
            entry.State.ToString(),
            entry.Due,
            entry.ReceivedAt,
            entry.Organisation,
            entry.CountryCode,
            entry.Themes,
            entry.ScreenerId,
            entry.SenderDomain);
    }
}
