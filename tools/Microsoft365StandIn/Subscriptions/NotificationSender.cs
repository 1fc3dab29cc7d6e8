using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Subscriptions;

/// <summary>
/// Everything the stand-in sends to subscribers, as Graph sends it: the validation handshake (a POST to the URL
/// with <c>?validationToken=</c>, answered 200 with the token as text/plain within 10 seconds), and change and
/// lifecycle notifications, POSTed in the background (whoever caused them does not wait) and tried again with
/// growing delays when they fail or time out. Every request made is kept in <see cref="StandInState.Notifications"/>.
/// </summary>
internal sealed partial class NotificationSender : IAsyncDisposable
{
    private readonly StandInState _state;
    private readonly NotificationTiming _timing;
    private readonly ILogger _logger;
    private readonly HttpClient _client;
    private readonly Channel<Outgoing> _queue = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;
    private readonly HashSet<Task> _sending = [];
    private readonly Lock _sendingGate = new();
    private int _unfinished;

    public NotificationSender(StandInState state, HttpMessageHandler? handler, NotificationTiming timing, ILogger logger)
    {
        _state = state;
        _timing = timing;
        _logger = logger;
        _client = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Waits until every notification queued so far has been delivered or given up (for tests).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _unfinished) > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public async Task<ValidationOutcome> ValidateAsync(string url, string? subscriptionId, CancellationToken cancellationToken)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url}{separator}validationToken={Uri.EscapeDataString(token)}")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_timing.ValidationTimeout);
        int? status = null;
        try
        {
            using var response = await _client.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status != 200)
            {
                return new ValidationOutcome("Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
            }

            return body == token
                ? ValidationOutcome.Passed
                : new ValidationOutcome("Subscription validation request failed. Response must exactly match validationToken query parameter.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ValidationOutcome("Subscription validation request timed out.");
        }
        catch (HttpRequestException)
        {
            return new ValidationOutcome("Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
        }
        finally
        {
            Keep(new SentNotification("validation", url, subscriptionId, null, status, 1, _state.Now));
        }
    }

    /// <summary>Queues a change notification; called under the state's lock, so the body is made now.</summary>
    public void QueueChange(SubscriptionState subscription, string userId, string messageId, string etag)
    {
        var resource = $"Users('{userId}')/Messages('{messageId}')";
        var notification = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Graph.GraphJson.PreciseTime(subscription.ExpiresAt),
            ["changeType"] = "created",
            ["resource"] = resource,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Message",
                ["@odata.id"] = resource,
                ["@odata.etag"] = etag,
                ["id"] = messageId,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = Tokens.TokenIssuer.TenantId,
        };
        Queue(new Outgoing("change", subscription.NotificationUrl, subscription.Id, new JsonObject { ["value"] = new JsonArray(notification) }));
    }

    /// <summary>Queues a lifecycle notification to the subscription's lifecycleNotificationUrl; false when it has none.</summary>
    public bool QueueLifecycle(SubscriptionState subscription, string lifecycleEvent)
    {
        if (subscription.LifecycleNotificationUrl is not { Length: > 0 } url)
        {
            return false;
        }

        var notification = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Graph.GraphJson.PreciseTime(subscription.ExpiresAt),
            ["tenantId"] = Tokens.TokenIssuer.TenantId,
            ["organizationId"] = Tokens.TokenIssuer.TenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };
        Queue(new Outgoing("lifecycle", url, subscription.Id, new JsonObject { ["value"] = new JsonArray(notification) }));
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _worker;
            Task[] pending;
            lock (_sendingGate)
            {
                pending = [.. _sending];
            }

            await Task.WhenAll(pending);
        }
        catch (OperationCanceledException)
        {
            // Stopping: notifications still waiting are dropped, as they would be by a Graph that went away.
        }

        _client.Dispose();
        _stopping.Dispose();
    }

    private void Queue(Outgoing outgoing)
    {
        Interlocked.Increment(ref _unfinished);
        if (!_queue.Writer.TryWrite(outgoing))
        {
            Interlocked.Decrement(ref _unfinished);
        }
    }

    private async Task RunAsync()
    {
        await foreach (var outgoing in _queue.Reader.ReadAllAsync(_stopping.Token))
        {
            var sending = Task.Run(() => SendAsync(outgoing));
            lock (_sendingGate)
            {
                _sending.Add(sending);
            }

            _ = sending.ContinueWith(
                done =>
                {
                    lock (_sendingGate)
                    {
                        _sending.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task SendAsync(Outgoing outgoing)
    {
        try
        {
            var body = outgoing.Body.ToJsonString(Hosting.JsonOutput.Options);
            int? status = null;
            var attempt = 0;
            var delay = _timing.RetryDelay;
            while (!_stopping.IsCancellationRequested)
            {
                attempt++;
                status = await PostAsync(outgoing.Url, body);
                if (status is >= 200 and < 300)
                {
                    break;
                }

                LogNotificationFailed(_logger, outgoing.Kind, outgoing.SubscriptionId, status, attempt);
                if (attempt > _timing.Retries)
                {
                    break;
                }

                try
                {
                    await Task.Delay(delay, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay *= 2;
            }

            Keep(new SentNotification(outgoing.Kind, outgoing.Url, outgoing.SubscriptionId, body, status, attempt, _state.Now));
        }
        finally
        {
            Interlocked.Decrement(ref _unfinished);
        }
    }

    private async Task<int?> PostAsync(string url, string body)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_timing.NotificationTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await _client.SendAsync(request, timeout.Token);
            return (int)response.StatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    private void Keep(SentNotification notification)
    {
        lock (_state.Gate)
        {
            _state.Notifications.Add(notification);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} notification for subscription {SubscriptionId} was not taken (status {Status}, attempt {Attempt})")]
    private static partial void LogNotificationFailed(ILogger logger, string kind, string subscriptionId, int? status, int attempt);

    private sealed record Outgoing(string Kind, string Url, string SubscriptionId, JsonObject Body);
}
