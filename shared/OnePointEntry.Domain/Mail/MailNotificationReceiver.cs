using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OnePointEntry.Mail;

/// <summary>
/// Takes Graph's notifications about the shared mailbox: checks each one's clientState in constant time
/// (a mismatch is logged and dropped) and queues the work. No Graph call here: Graph throttles an endpoint
/// whose answers are slow, so the notification endpoint only queues.
/// </summary>
public sealed partial class MailNotificationReceiver(IMailQueue queue, MailNotificationOptions options, ILogger<MailNotificationReceiver> logger)
{
    public async Task<int> ReceiveAsync(IReadOnlyList<MailNotification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var queued = 0;
        foreach (var notification in notifications)
        {
            if (!IsGenuine(notification.ClientState))
            {
                LogClientStateMismatch(logger, notification.SubscriptionId);
                continue;
            }

            if (notification.LifecycleEvent is { Length: > 0 } lifecycleEvent)
            {
                await queue.SendLifecycleEventAsync(lifecycleEvent, cancellationToken);
                LogLifecycleEvent(logger, lifecycleEvent, notification.SubscriptionId);
                queued++;
            }
            else if (notification.MessageId is { Length: > 0 } messageId)
            {
                await queue.SendMessageAsync(messageId, cancellationToken);
                queued++;
            }
        }

        return queued;
    }

    private bool IsGenuine(string? clientState)
    {
        var expected = Encoding.UTF8.GetBytes(options.ClientState);
        var actual = Encoding.UTF8.GetBytes(clientState ?? string.Empty);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph notification for subscription {SubscriptionId} dropped: its clientState does not match")]
    private static partial void LogClientStateMismatch(ILogger logger, string? subscriptionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph lifecycle event {LifecycleEvent} for subscription {SubscriptionId} queued")]
    private static partial void LogLifecycleEvent(ILogger logger, string lifecycleEvent, string? subscriptionId);
}
