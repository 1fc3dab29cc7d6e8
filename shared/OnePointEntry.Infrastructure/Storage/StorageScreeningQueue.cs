using Azure.Storage.Queues;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>The screening queue in Azure Queue Storage.</summary>
public sealed class StorageScreeningQueue(QueueServiceClient queues, StorageNames names)
    : StorageReferenceQueue(queues, (names ?? throw new ArgumentNullException(nameof(names))).ScreeningQueue), IScreeningQueue;
