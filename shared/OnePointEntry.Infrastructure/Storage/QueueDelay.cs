namespace OnePointEntry.Infrastructure.Storage;

/// <summary>A wait before a queue message may be taken, as the initial invisibility Queue Storage allows.</summary>
internal static class QueueDelay
{
    // A queue message can be hidden for at most 7 days.
    private static readonly TimeSpan s_max = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>The visibility timeout for <paramref name="delay"/>: none for no wait, at most just under 7 days.</summary>
    public static TimeSpan? VisibilityOf(TimeSpan delay) => delay <= TimeSpan.Zero ? null : delay > s_max ? s_max : delay;
}
