using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Timers;

namespace LocalFunctionsHost.Hosting;

/// <summary>The running listeners by function name, for the admin API and the start-up listing.</summary>
internal sealed class TriggerListeners
{
    public Dictionary<string, QueueListener> Queues { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, TimerListener> Timers { get; } = new(StringComparer.OrdinalIgnoreCase);
}
