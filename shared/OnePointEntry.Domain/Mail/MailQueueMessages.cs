using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePointEntry.Mail;

/// <summary>The mail queues' messages: <c>{"mailboxMessageId": ...}</c> and <c>{"lifecycleEvent": ...}</c>.</summary>
public static class MailQueueMessages
{
    public static string ForMessage(string mailboxMessageId) => JsonSerializer.Serialize(new Body(mailboxMessageId, null));

    /// <summary>A message taken up again after Microsoft 365 failed to give it: its earlier tries are counted in it.</summary>
    public static string ForMessageAgain(string mailboxMessageId, int tries) => JsonSerializer.Serialize(new Body(mailboxMessageId, null, tries));

    /// <summary>How often the message named was tried before, as <see cref="ForMessageAgain"/> counted; 0 for a first one.</summary>
    public static int TriesOf(string message) => Parse(message).Tries ?? 0;

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
            return JsonSerializer.Deserialize<Body>(message) ?? new Body(null, null, null);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The mail queue message is not JSON.", exception);
        }
    }

    private sealed record Body(
        [property: JsonPropertyName("mailboxMessageId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MailboxMessageId,
        [property: JsonPropertyName("lifecycleEvent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LifecycleEvent,
        [property: JsonPropertyName("tries"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Tries = null);
}
