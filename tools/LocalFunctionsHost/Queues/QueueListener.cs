using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// Polls one queue for one queue-triggered function the way the real host does: batches of
/// <c>batchSize</c>, a new batch when in-flight work falls to <c>newBatchThreshold</c>, an
/// exponential back-off up to <c>maxPollingInterval</c> while the queue is empty, delete on
/// success, visible again after <c>visibilityTimeout</c> on failure, and after
/// <c>maxDequeueCount</c> attempts the message goes to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal sealed class QueueListener(
    FunctionDefinition function,
    string queueName,
    string? connection,
    QueueSettings settings,
    QueueClientProvider queues,
    QueueActivity activity,
    QueueMessageCodec codec,
    FunctionInvoker invoker,
    TimeProvider timeProvider,
    ILogger<QueueListener> logger)
{
    /// <summary>How long a message stays hidden while the function runs; the real host renews it, this host does not.</summary>
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    public string QueueName => queueName;

    public string PoisonQueueName => queueName + "-poison";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var inFlight = new List<Task>();
        var delay = MinimumPollingInterval;
        var key = queues.KeyFor(connection, queueName);
        while (!cancellationToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > settings.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight);
                continue;
            }

            QueueMessage[] messages;
            QueueClient queue;
            try
            {
                queue = await queues.GetQueueAsync(connection, queueName, cancellationToken);
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, ProcessingVisibility, cancellationToken)).Value;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or FormatException or ArgumentException or InvalidOperationException)
            {
                QueueLog.PollFailed(logger, ex, queueName, function.Name);
                messages = [];
                queue = null!;
                delay = settings.MaxPollingInterval < TimeSpan.FromSeconds(5) ? settings.MaxPollingInterval : TimeSpan.FromSeconds(5);
            }

            if (messages.Length == 0)
            {
                try
                {
                    await activity.WaitAsync(key, delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinimumPollingInterval.Ticks)));
                continue;
            }

            delay = MinimumPollingInterval;
            foreach (var message in messages)
            {
                // Functions run to completion even while the host stops, so that no message is half-processed.
                inFlight.Add(ProcessAsync(queue, message, CancellationToken.None));
            }
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>Runs the function for a message given through the admin API; nothing to delete afterwards.</summary>
    public Task<InvocationOutcome> InvokeManuallyAsync(string text, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var context = QueueTriggerData.Create(queueName, text, Guid.NewGuid().ToString(), string.Empty, 1, now, now.AddDays(7), now, DeferredBinding);
        return invoker.InvokeAsync(function, context, cancellationToken);
    }

    private bool DeferredBinding => function.Trigger?.HasNestedFlag("supportsDeferredBinding") == true;

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await PoisonAsync(queue, message, cancellationToken);
                return;
            }

            if (!codec.TryDecode(message.MessageText, out var text))
            {
                QueueLog.NotBase64(logger, message.MessageId, queueName, PoisonQueueName);
                await MoveToPoisonAsync(queue, message, cancellationToken);
                return;
            }

            var context = QueueTriggerData.Create(
                queueName, text, message.MessageId, message.PopReceipt, message.DequeueCount,
                message.InsertedOn, message.ExpiresOn, message.NextVisibleOn, DeferredBinding);
            var outcome = await invoker.InvokeAsync(function, context, cancellationToken);
            if (outcome.Succeeded)
            {
                await DeleteAsync(queue, message, cancellationToken);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await PoisonAsync(queue, message, cancellationToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: cancellationToken);
                QueueLog.Released(logger, message.MessageId, message.DequeueCount, settings.VisibilityTimeout);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException)
        {
            // Left alone, the message becomes visible again when its processing visibility ends.
            QueueLog.CompleteFailed(logger, ex, message.MessageId, queueName);
        }
    }

    private async Task PoisonAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        QueueLog.Poisoned(logger, message.MessageId, settings.MaxDequeueCount, PoisonQueueName);
        await MoveToPoisonAsync(queue, message, cancellationToken);
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = await queues.GetQueueAsync(connection, PoisonQueueName, cancellationToken);
        // The stored body is copied as it is, so a poison message reads exactly like the original.
        await poison.SendMessageAsync(message.MessageText, cancellationToken);
        await DeleteAsync(queue, message, cancellationToken);
        activity.Notify(queues.KeyFor(connection, PoisonQueueName));
    }

    private static async Task DeleteAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone (deleted elsewhere or its pop receipt expired); nothing left to do.
        }
    }
}
