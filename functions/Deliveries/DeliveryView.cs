using OnePointEntry.Deliveries;

namespace OnePointEntry.Functions.Deliveries;

/// <summary>A delivery as operators see it: where it stands, never what it carries (addresses, the enquiry's text).</summary>
public sealed record DeliveryView(
    string Id,
    string Subject,
    string Kind,
    string? Recipient,
    string State,
    int Attempts,
    DateTimeOffset RecordedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? LastError,
    string? Result)
{
    public static DeliveryView Of(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(
            delivery.Id.ToString(),
            delivery.Id.Subject,
            delivery.Id.Kind.ToString(),
            delivery.Id.Recipient,
            delivery.State.ToString(),
            delivery.Attempts,
            delivery.RecordedAt,
            delivery.NextAttemptAt,
            delivery.DeliveredAt,
            delivery.LastError,
            delivery.Result);
    }
}
