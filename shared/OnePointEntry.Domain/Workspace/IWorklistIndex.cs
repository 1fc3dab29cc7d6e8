namespace OnePointEntry.Workspace;

/// <summary>
/// The index of enquiries that need someone. Kept by the enquiry store in the same write as the enquiry, so it is
/// never behind; it holds only open work, so reading it costs what is open, not what is stored.
/// </summary>
public interface IWorklistIndex
{
    /// <summary>Every enquiry that needs someone now, in no particular order.</summary>
    Task<IReadOnlyList<WorklistEntry>> ListOpenAsync(CancellationToken cancellationToken);
}
