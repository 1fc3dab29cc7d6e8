namespace OnePointEntry.Deliveries;

/// <summary>
/// How the outbox's sender retries (section <c>Deliveries</c>). With the defaults a delivery is tried 10 times over
/// about 45 minutes (10 s, 20 s, 40 s … doubling up to 10 minutes apart, each with jitter) before it is left
/// as <see cref="DeliveryState.DeliveryFailed"/> for an operator.
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Deliveries";

    public int MaxAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an attempt holds its delivery; longer than any attempt takes (Graph's own retries included).</summary>
    public TimeSpan HoldTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How late a pending delivery may be before the sweep queues it again (its queue message was lost).</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first problem with the settings, naming the setting; null when they are usable.</summary>
    public string? Problem() => this switch
    {
        { MaxAttempts: < 1 or > 100 } => "Deliveries__MaxAttempts must be between 1 and 100.",
        { FirstRetryDelay.Ticks: <= 0 } => "Deliveries__FirstRetryDelay must be positive (e.g. 00:00:10).",
        _ when MaxRetryDelay < FirstRetryDelay || MaxRetryDelay > TimeSpan.FromDays(6) =>
            "Deliveries__MaxRetryDelay must lie between Deliveries__FirstRetryDelay and 6 days (a queue message can wait 7 days).",
        { HoldTime.TotalSeconds: < 30 } => "Deliveries__HoldTime must be at least 00:00:30: an attempt with Graph's own retries takes that long.",
        { OverdueAfter.Ticks: <= 0 } => "Deliveries__OverdueAfter must be positive (e.g. 00:02:00).",
        _ => null,
    };

    /// <summary>
    /// The wait before attempt <paramref name="failures"/> + 1: doubling from <see cref="FirstRetryDelay"/> up to
    /// <see cref="MaxRetryDelay"/>, with "equal jitter" (half fixed, half random) so that deliveries failed together
    /// do not come back together; never shorter than what the service asked for.
    /// </summary>
    public TimeSpan DelayAfter(int failures, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ceiling = Math.Min(FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxRetryDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(random, 0, 1));
        return retryAfter is { } asked && asked > delay ? TimeSpan.FromTicks(Math.Min(asked.Ticks, TimeSpan.FromDays(6).Ticks)) : delay;
    }
}
