namespace OnePointEntry.Routing;

/// <summary>The team's Planner plan, "Screening" bucket.</summary>
public interface IScreeningTaskBoard
{
    /// <summary>
    /// Creates the task and returns its id; when a task for the same <see cref="ScreeningTask.Reference"/>
    /// already exists in the bucket (a retry after a lost answer), returns that one instead.
    /// </summary>
    Task<string> CreateTaskAsync(ScreeningTask task, CancellationToken cancellationToken) => CreateTaskAsync(task, mayExist: true, cancellationToken);

    /// <summary>
    /// As <see cref="CreateTaskAsync(ScreeningTask, CancellationToken)"/>; with <paramref name="mayExist"/> false the
    /// caller knows no task for the reference can be on the board yet (nothing was attempted for it before, and no
    /// other screener's task is being replaced), so the board need not be searched first.
    /// </summary>
    Task<string> CreateTaskAsync(ScreeningTask task, bool mayExist, CancellationToken cancellationToken);
}
