namespace OnePointEntry.Workspace;

/// <summary>One page of the worklist and how much work there is in each state (with the filters other than the state applied).</summary>
/// <param name="Counts">Enquiries per state of work, every state present (zero included).</param>
/// <param name="Entries">This page's enquiries, soonest due first.</param>
/// <param name="Total">How many enquiries match, over all pages.</param>
public sealed record WorklistPage(
    IReadOnlyDictionary<WorkState, int> Counts,
    IReadOnlyList<WorklistEntry> Entries,
    int Page,
    int PageCount,
    int Total);
