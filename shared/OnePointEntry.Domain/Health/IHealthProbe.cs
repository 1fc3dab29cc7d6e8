namespace OnePointEntry.Health;

/// <summary>One health check of something the app depends on. Should be cheap: it runs on every probe request.</summary>
public interface IHealthProbe
{
    /// <summary>Short, stable, lower case: <c>storage</c>, <c>graph</c>, <c>subscription</c>, <c>poison-queues</c>.</summary>
    string Name { get; }

    /// <summary>Whether the anonymous liveness answer depends on it (storage only: without it nothing works).</summary>
    bool Essential { get; }

    Task<ProbeResult> CheckAsync(CancellationToken cancellationToken);
}
