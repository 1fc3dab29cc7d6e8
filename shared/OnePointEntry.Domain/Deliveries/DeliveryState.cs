namespace OnePointEntry.Deliveries;

public enum DeliveryState
{
    /// <summary>Recorded and not yet delivered: waiting for its sender, or for its next attempt after a failure.</summary>
    Pending,

    Delivered,

    /// <summary>Every attempt failed: kept with the last error for an operator to resend.</summary>
    DeliveryFailed,
}
