namespace OnePointEntry.Health;

/// <summary>How a part of the app is doing; the worst of its checks is the app's.</summary>
public enum HealthState
{
    Healthy,

    /// <summary>Working, but something needs an operator (e.g. messages in a poison queue).</summary>
    Degraded,

    Unhealthy,

    /// <summary>Not configured here (e.g. Graph with a stand-in and no token); does not count.</summary>
    Skipped,
}
