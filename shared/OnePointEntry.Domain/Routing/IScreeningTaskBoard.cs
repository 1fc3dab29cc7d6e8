namespace OnePointEntry.Routing;

/// <summary>The team's Planner plan, "Screening" bucket.</summary>
public interface IScreeningTaskBoard
{
    /// <summary>
    /// Creates the task and returns its id; when a task for the same <see cref="ScreeningTask.Reference"/>
    /// already exists in the bucket (a retry after a lost answer), returns that one instead.
    /// </summary>
    Task<string> CreateTaskAsync(ScreeningTask task, CancellationToken cancellationToken);
}
