namespace OnePointEntry.Queues;

/// <summary>
/// How often the Functions host delivers a failing queue message before moving it to the poison queue
/// (host.json <c>extensions.queues.maxDequeueCount</c>), so the last attempt can record why it failed.
/// </summary>
public sealed record QueueRetryPolicy(int MaxDequeueCount)
{
    public const int HostDefault = 5;

    public bool IsLastAttempt(long dequeueCount) => dequeueCount >= MaxDequeueCount;
}
