using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePointEntry.Mail;

/// <summary>The mail queues' messages: <c>{"mailboxMessageId": ...}</c> and <c>{"lifecycleEvent": ...}</c>.</summary>
public static class MailQueueMessages
{
    public static string ForMessage(string mailboxMessageId) => JsonSerializer.Serialize(new Body(mailboxMessageId, null));

    public static string ForLifecycleEvent(string lifecycleEvent) => JsonSerializer.Serialize(new Body(null, lifecycleEvent));

    /// <exception cref="FormatException">The message does not name a mailbox message.</exception>
    public static string ParseMessage(string message) =>
        Parse(message).MailboxMessageId is { Length: > 0 } id ? id : throw new FormatException("The mail intake message does not name a mailbox message.");

    /// <exception cref="FormatException">The message does not name a lifecycle event.</exception>
    public static string ParseLifecycleEvent(string message) =>
        Parse(message).LifecycleEvent is { Length: > 0 } lifecycleEvent ? lifecycleEvent : throw new FormatException("The mail lifecycle message does not name an event.");

    private static Body Parse(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<Body>(message) ?? new Body(null, null);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The mail queue message is not JSON.", exception);
        }
    }

    private sealed record Body(
        [property: JsonPropertyName("mailboxMessageId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MailboxMessageId,
        [property: JsonPropertyName("lifecycleEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LifecycleEvent);
}
