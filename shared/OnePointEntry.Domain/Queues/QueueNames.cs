namespace OnePointEntry.Queues;

/// <summary>The storage queues between the steps. Constants, because trigger attributes need them.</summary>
public static class QueueNames
{
    public const string Screening = "enquiry-screening";

    /// <summary>Screened enquiries to route to their screener.</summary>
    public const string Routing = "enquiry-routing";

    /// <summary>Mailbox message ids to take in, from notifications and the inbox catch-up.</summary>
    public const string MailIntake = "mail-intake";

    /// <summary>Deliveries of the outbox to attempt: mail, calendar events, Planner tasks, Teams cards.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>Graph's subscription lifecycle events.</summary>
    public const string MailLifecycle = "mail-lifecycle";
}
