using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using LocalFunctionsHost.Grpc.Messages;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Grpc;

/// <summary>
/// The host's end of the worker's event stream. Requests are correlated by what they are about
/// (the init and metadata replies by type, loads by function id, invocations by invocation id)
/// rather than by request_id, which the worker does not echo for every message.
/// </summary>
internal sealed class WorkerChannel(ILogger<WorkerChannel> logger, TimeProvider timeProvider)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WorkerInitResponse> _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FunctionMetadataResponse> _metadata = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunctionLoadResponse>> _loads = new();
    private readonly ConcurrentDictionary<string, PendingInvocation> _invocations = new();
    private int _attached;

    /// <summary>Completes with the worker id when the worker opens the stream with StartStream.</summary>
    public Task<string> Started => _started.Task;

    /// <summary>Completes when the worker's stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>When the worker's StartStream arrived, for start-up timings.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Serves one EventStream call; the worker keeps it open for its lifetime.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _attached, 1) == 1)
        {
            throw new global::Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "A worker is already connected to this host."));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(responses, stop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                Dispatch(requests.Current);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException || (ex is global::Grpc.Core.RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
            // The worker went away; pending work is failed below.
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
            FailPending(new IOException("The worker's event stream closed."));
            _closed.TrySetResult();
            GrpcLog.StreamClosed(logger);
        }
    }

    public Task SendAsync(StreamingMessage message) => _outbound.Writer.WriteAsync(message).AsTask();

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, CancellationToken cancellationToken)
    {
        await SendAsync(new StreamingMessage { RequestId = NewId(), WorkerInitRequest = request });
        return await _initialized.Task.WaitAsync(cancellationToken);
    }

    public async Task<FunctionMetadataResponse> GetMetadataAsync(string appDirectory, CancellationToken cancellationToken)
    {
        await SendAsync(new StreamingMessage
        {
            RequestId = NewId(),
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory },
        });
        return await _metadata.Task.WaitAsync(cancellationToken);
    }

    public async Task<FunctionLoadResponse> LoadAsync(FunctionLoadRequest request, CancellationToken cancellationToken)
    {
        var completion = _loads.GetOrAdd(request.FunctionId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        await SendAsync(new StreamingMessage { RequestId = NewId(), FunctionLoadRequest = request });
        return await completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, string functionName, CancellationToken cancellationToken)
    {
        var pending = new PendingInvocation(functionName);
        _invocations[request.InvocationId] = pending;
        try
        {
            if (_closed.Task.IsCompleted)
            {
                throw new IOException("The worker is not connected.");
            }

            await SendAsync(new StreamingMessage { RequestId = NewId(), InvocationRequest = request });
            using var registration = cancellationToken.Register(() => _ = SendAsync(new StreamingMessage
            {
                InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId },
            }));
            return await pending.Completion.Task;
        }
        finally
        {
            // Log lines of the invocation may still arrive just after its response; keep the name a moment.
            _ = Task.Delay(TimeSpan.FromSeconds(5), timeProvider, CancellationToken.None).ContinueWith(
                _ => _invocations.TryRemove(request.InvocationId, out PendingInvocation? _), TaskScheduler.Default);
        }
    }

    /// <summary>Asks the worker to stop; it exits on its own within the grace period.</summary>
    public Task TerminateAsync(TimeSpan gracePeriod) => _closed.Task.IsCompleted || _attached == 0
        ? Task.CompletedTask
        : SendAsync(new StreamingMessage
        {
            WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(gracePeriod) },
        });

    private static string NewId() => Guid.NewGuid().ToString();

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The stream ended while a message was queued; its sender is failed through FailPending.
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                StartedAt = timeProvider.GetUtcNow();
                _started.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                _initialized.TrySetResult(message.WorkerInitResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                _metadata.TrySetResult(message.FunctionMetadataResponse);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                _loads.GetOrAdd(message.FunctionLoadResponse.FunctionId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(message.FunctionLoadResponse);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryGetValue(message.InvocationResponse.InvocationId, out var pending))
                {
                    pending.Completion.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                WriteWorkerLog(message.RpcLog);
                break;
            default:
                GrpcLog.UnhandledMessage(logger, message.ContentCase);
                break;
        }
    }

    private void WriteWorkerLog(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric || !logger.IsEnabled(level))
        {
            return;
        }

        var exception = log.Exception is { } e ? $"{e.Type}: {e.Message}{Environment.NewLine}{e.StackTrace}" : string.Empty;
        if (string.IsNullOrEmpty(log.InvocationId))
        {
            GrpcLog.WorkerLog(logger, level, log.Category, log.Message, exception);
        }
        else
        {
            var function = _invocations.TryGetValue(log.InvocationId, out var pending) ? pending.FunctionName : "?";
            GrpcLog.FunctionLog(logger, level, function, log.InvocationId, log.Message, exception);
        }
    }

    private void FailPending(Exception error)
    {
        _outbound.Writer.TryComplete();
        _started.TrySetException(error);
        _initialized.TrySetException(error);
        _metadata.TrySetException(error);
        foreach (var load in _loads.Values)
        {
            load.TrySetException(error);
        }

        foreach (var invocation in _invocations.Values)
        {
            invocation.Completion.TrySetException(error);
        }
    }

    private sealed class PendingInvocation(string functionName)
    {
        public string FunctionName { get; } = functionName;

        public TaskCompletionSource<InvocationResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
