namespace OnePointEntry.Deliveries;

public enum DeliveryState
{
    /// <summary>Recorded and not yet delivered: waiting for its sender, or for its next attempt after a failure.</summary>
    Pending,

    Delivered,

    /// <summary>Every attempt failed: kept with the last error for an operator to resend.</summary>
    DeliveryFailed,

    /// <summary>
    /// Taken over by a later delivery for someone else (the screening moved to another screener): withdrawn before
    /// it went, or undone once it had (its calendar event deleted; its Planner task handed on). Never sent again.
    /// </summary>
    Replaced,
}
