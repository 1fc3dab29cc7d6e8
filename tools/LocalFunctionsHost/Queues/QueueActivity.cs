using System.Collections.Concurrent;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// Wakes a queue's listener when this host has just written to that queue, so that a function
/// chained by an output binding runs at once instead of after the listener's back-off, as the
/// real host's shared queue watcher does.
/// </summary>
internal sealed class QueueActivity(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public void Notify(string queueKey)
    {
        if (_signals.TryRemove(queueKey, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Waits for <paramref name="delay"/> or until the queue is written to, whichever is first.</summary>
    public async Task WaitAsync(string queueKey, TimeSpan delay, CancellationToken cancellationToken)
    {
        var signal = _signals.GetOrAdd(queueKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var wait = Task.Delay(delay, timeProvider, cancellationToken);
        await Task.WhenAny(wait, signal.Task);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
