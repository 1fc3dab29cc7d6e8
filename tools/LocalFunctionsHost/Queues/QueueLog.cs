using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Queues;

internal static partial class QueueLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Message {MessageId} on queue '{Queue}' is not valid Base64; moving it to '{PoisonQueue}'.")]
    public static partial void NotBase64(ILogger logger, string messageId, string queue, string poisonQueue);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Message {MessageId} has reached MaxDequeueCount of {MaxDequeueCount}; moving it to queue '{PoisonQueue}'.")]
    public static partial void Poisoned(ILogger logger, string messageId, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "Polling queue '{Queue}' for {FunctionName} failed; retrying.")]
    public static partial void PollFailed(ILogger logger, Exception exception, string queue, string functionName);

    [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "Completing message {MessageId} on queue '{Queue}' failed.")]
    public static partial void CompleteFailed(ILogger logger, Exception exception, string messageId, string queue);

    [LoggerMessage(EventId = 404, Level = LogLevel.Debug, Message = "Message {MessageId} failed (dequeue count {DequeueCount}); visible again in {VisibilityTimeout}.")]
    public static partial void Released(ILogger logger, string messageId, long dequeueCount, TimeSpan visibilityTimeout);
}
