using OnePointEntry.Workspace;

namespace OnePointEntry.Functions.Staff.Worklist;

/// <summary>The worklist as the API answers it: counts per state (with the other filters applied), and one page of the chosen state, soonest due first.</summary>
public sealed record WorklistView(
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<WorklistEntryView> Entries,
    int Page,
    int PageCount,
    int PageSize,
    int Total)
{
    public static WorklistView Of(WorklistPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(
            page.Counts.ToDictionary(count => count.Key.ToString(), count => count.Value, StringComparer.Ordinal),
            [.. page.Entries.Select(WorklistEntryView.Of)],
            page.Page,
            page.PageCount,
            WorklistQuery.PageSize,
            page.Total);
    }
}
