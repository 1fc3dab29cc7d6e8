using System.Text.Json;
using System.Text.Json.Serialization;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Queues;

/// <summary>The message of the screening and routing queues: <c>{"reference":"OPE-2611-7K3F"}</c>, nothing personal.</summary>
public static class ReferenceMessage
{
    public static string Create(EnquiryReference reference) => JsonSerializer.Serialize(new Body(reference.ToString()));

    /// <exception cref="FormatException">The message does not name an enquiry.</exception>
    public static EnquiryReference Parse(string message)
    {
        Body? body;
        try
        {
            body = JsonSerializer.Deserialize<Body>(message);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The queue message is not JSON.", exception);
        }

        return EnquiryReference.TryParse(body?.Reference, out var reference)
            ? reference
            : throw new FormatException("The queue message does not hold an enquiry reference.");
    }

    private sealed record Body([property: JsonPropertyName("reference")] string? Reference);
}
