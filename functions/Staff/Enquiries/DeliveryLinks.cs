using OnePointEntry.Deliveries;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// Where staff open what a delivery made: the Outlook event (the form of Graph's own <c>webLink</c>, built from
/// the event's id) and the Planner task. Acknowledgements and cards have nothing to open.
/// </summary>
public static class DeliveryLinks
{
    public static DeliverySummaryView Summarise(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new DeliverySummaryView(
            delivery.Id.ToString(),
            delivery.Id.Kind.ToString(),
            delivery.Id.Recipient,
            delivery.State.ToString(),
            delivery.Attempts,
            delivery.LastError,
            delivery.DeliveredAt,
            LinkOf(delivery));
    }

    private static Uri? LinkOf(Delivery delivery) => (delivery.State, delivery.Id.Kind, delivery.Result) switch
    {
        (DeliveryState.Delivered, DeliveryKind.ScreeningEvent, { Length: > 0 } eventId) =>
            new Uri($"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(eventId)}&exvsurl=1&path=/calendar/item"),
        (DeliveryState.Delivered, DeliveryKind.ScreeningTask, { Length: > 0 } taskId) =>
            new Uri($"https://tasks.office.com/Home/Task/{Uri.EscapeDataString(taskId)}"),
        _ => null,
    };
}
