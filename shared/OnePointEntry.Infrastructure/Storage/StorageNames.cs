using OnePointEntry.Queues;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Table and queue names. Fixed in production (the infrastructure templates create them); tests give each
/// run its own so they can share one Azurite.
/// </summary>
public sealed class StorageNames
{
    public string EnquiriesTable { get; init; } = "Enquiries";

    public string PoisonMessagesTable { get; init; } = "PoisonMessages";

    public string ScreeningQueue { get; init; } = QueueNames.Screening;

    public string RoutingQueue { get; init; } = QueueNames.Routing;

    public string MailMessagesTable { get; init; } = "MailMessages";

    public string MailboxStateTable { get; init; } = "MailboxState";

    public string MailIntakeQueue { get; init; } = QueueNames.MailIntake;

    public string MailLifecycleQueue { get; init; } = QueueNames.MailLifecycle;

    /// <summary>The outbox: every message to the outside world, with an index of those still open.</summary>
    public string DeliveriesTable { get; init; } = "Deliveries";

    public string DeliveryQueue { get; init; } = QueueNames.Deliveries;

    public string StaffTable { get; init; } = "Staff";

    public string PartnersTable { get; init; } = "Partners";

    /// <summary>The delegations facilitated by arrival month, the imported history, and the monthly reports sent.</summary>
    public string StatisticsTable { get; init; } = "Statistics";
}
