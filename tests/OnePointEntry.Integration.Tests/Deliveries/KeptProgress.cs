using OnePointEntry.Deliveries;

namespace OnePointEntry.Integration.Tests.Deliveries;

/// <summary>A delivery's progress kept in memory, as the outbox keeps it in storage: what one attempt saved, the next reads.</summary>
internal sealed class KeptProgress(string deliveryKey) : IDeliveryProgress
{
    public string DeliveryKey { get; } = deliveryKey;

    public string? Checkpoint { get; private set; }

    public int Saves { get; private set; }

    public Task SaveAsync(string checkpoint, CancellationToken cancellationToken)
    {
        Checkpoint = checkpoint;
        Saves++;
        return Task.CompletedTask;
    }
}
