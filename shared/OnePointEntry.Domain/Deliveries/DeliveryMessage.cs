using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePointEntry.Deliveries;

/// <summary>The delivery queue's message: <c>{"delivery":"OPE-2611-7K3F~Acknowledgement"}</c>, nothing personal.</summary>
public static class DeliveryMessage
{
    public static string Create(DeliveryId id) => JsonSerializer.Serialize(new Body(id.ToString()));

    /// <exception cref="FormatException">The message does not name a delivery.</exception>
    public static DeliveryId Parse(string message)
    {
        Body? body;
        try
        {
            body = JsonSerializer.Deserialize<Body>(message);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The delivery message is not JSON.", exception);
        }

        return DeliveryId.TryParse(body?.Delivery, out var id) ? id : throw new FormatException("The delivery message does not name a delivery.");
    }

    private sealed record Body([property: JsonPropertyName("delivery")] string? Delivery);
}
