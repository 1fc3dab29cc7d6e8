namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Creates a table or queue the first time it is used, once per process, and tries again after a failure
/// (e.g. storage still starting), so the app works against a fresh Azurite without a set-up step.
/// </summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private Task? _creation;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var creation = _creation;
        if (creation is null || creation.IsFaulted || creation.IsCanceled)
        {
            // Two callers may both create; both calls are "if not exists", so that is harmless.
            creation = create(cancellationToken);
            _creation = creation;
        }

        return creation;
    }
}
