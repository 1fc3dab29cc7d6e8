using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Deliveries;
using OnePointEntry.Queues;

namespace OnePointEntry.Functions.Deliveries;

/// <summary>One attempt at a delivery of the outbox: a mail, a calendar event, a Planner task or a Teams card.</summary>
public sealed class SendDelivery(OutboxSender sender)
{
    [Function(nameof(SendDelivery))]
    public Task Run([QueueTrigger(QueueNames.Deliveries)] string message, CancellationToken cancellationToken) =>
        sender.HandleMessageAsync(message, cancellationToken);
}
