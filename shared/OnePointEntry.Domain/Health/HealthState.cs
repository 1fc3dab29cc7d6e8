namespace OnePointEntry.Health;

/// <summary>How a part of the app is doing; the worst of its checks is the app's.</summary>
public enum HealthState
{
    Healthy,

    /// <summary>Working, but something needs an operator (e.g. messages in a poison queue).</summary>
    Degraded,

    Unhealthy,
}
