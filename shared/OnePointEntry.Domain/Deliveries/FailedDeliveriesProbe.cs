using OnePointEntry.Health;

namespace OnePointEntry.Deliveries;

/// <summary>Degraded while any delivery is <see cref="DeliveryState.DeliveryFailed"/>: someone did not get what the app decided to send them.</summary>
public sealed class FailedDeliveriesProbe(IDeliveryStore store) : IHealthProbe
{
    private const int MaxListed = 20;

    public string Name => "deliveries";

    public bool Essential => false;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        await foreach (var delivery in store.ListFailedAsync(cancellationToken))
        {
            failed.Add(delivery.Id.ToString());
            if (failed.Count == MaxListed)
            {
                break;
            }
        }

        var data = new Dictionary<string, object?> { ["failed"] = failed.Count, ["deliveries"] = failed };
        return failed.Count == 0
            ? new ProbeResult(HealthState.Healthy, "Every delivery is delivered or on its way.", data)
            : new ProbeResult(HealthState.Degraded, $"{(failed.Count == MaxListed ? "At least " : string.Empty)}{failed.Count} deliveries failed after every attempt; list them at /api/operations/deliveries and resend them there or with `ope deliveries resend`.", data);
    }
}
