using System.Diagnostics;
using System.Text.Json;
using LocalFunctionsHost.Grpc;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Invocation;

/// <summary>Sends one InvocationRequest, logs it like the real host, and writes its output bindings.</summary>
internal sealed class FunctionInvoker(WorkerChannel channel, OutputBindingDispatcher outputs, ILogger<FunctionInvoker> logger, TimeProvider timeProvider)
{
    public async Task<InvocationOutcome> InvokeAsync(FunctionDefinition function, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var request = new InvocationRequest
        {
            InvocationId = context.InvocationId,
            FunctionId = function.Id,
            // The worker dereferences the trace context unconditionally.
            TraceContext = new RpcTraceContext
            {
                TraceParent = ValidTraceParent(context.TraceParent) ?? NewTraceParent(context.InvocationId),
                TraceState = context.TraceState ?? string.Empty,
            },
        };
        if (context.TriggerInput is not null && function.Trigger is not null)
        {
            request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = context.TriggerInput });
        }

        foreach (var (key, value) in context.TriggerMetadata)
        {
            request.TriggerMetadata[key] = value;
        }

        request.TriggerMetadata["sys"] = new TypedData
        {
            Json = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["MethodName"] = function.Name,
                ["UtcNow"] = timeProvider.GetUtcNow(),
                ["RandGuid"] = Guid.NewGuid(),
            }),
        };

        InvocationLog.Executing(logger, function.Name, context.Reason, context.InvocationId);
        var started = timeProvider.GetTimestamp();
        InvocationOutcome outcome;
        try
        {
            var response = await channel.InvokeAsync(request, function.Name, cancellationToken);
            if (response.Result?.Status == StatusResult.Types.Status.Success)
            {
                await outputs.WriteAsync(function, response, cancellationToken);
                outcome = InvocationOutcome.Success;
            }
            else
            {
                var error = response.Result?.Exception is { } e ? $"{e.Type}: {e.Message}" : response.Result?.Result ?? "unknown error";
                outcome = InvocationOutcome.Failure(response.Result?.Status == StatusResult.Types.Status.Cancelled ? "Cancelled" : error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = InvocationOutcome.Failure(ex.Message);
        }

        var duration = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        if (outcome.Succeeded)
        {
            InvocationLog.Succeeded(logger, function.Name, context.InvocationId, duration);
        }
        else
        {
            InvocationLog.Failed(logger, function.Name, context.InvocationId, duration, outcome.Error);
        }

        return outcome;
    }

    // A new trace is named after the invocation (its id's 32 hex digits are a valid trace id), so that a request the
    // worker makes downstream, seen with its traceparent in Azurite's debug log or at the Microsoft 365 stand-in, can
    // be tied to the "Executing" line of the run that made it (bench/pipeline.sh counts requests per step that way).
    // Sampled, as the real host's are: under a parent marked not sampled the worker's telemetry drops the invocation's
    // span, and every SDK call then starts a trace of its own.
    private static string NewTraceParent(string invocationId) =>
        $"00-{(Guid.TryParse(invocationId, out var id) && id != Guid.Empty ? id.ToString("N") : ActivityTraceId.CreateRandom().ToHexString())}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    private static string? ValidTraceParent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out _) ? traceParent : null;
}
