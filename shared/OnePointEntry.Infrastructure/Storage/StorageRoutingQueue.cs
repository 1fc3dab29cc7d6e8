using Azure.Storage.Queues;
using OnePointEntry.Routing;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The routing queue in Azure Queue Storage.</summary>
public sealed class StorageRoutingQueue(QueueServiceClient queues, StorageNames names)
    : StorageReferenceQueue(queues, (names ?? throw new ArgumentNullException(nameof(names))).RoutingQueue), IRoutingQueue;
