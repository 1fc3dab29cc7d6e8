using LocalFunctionsHost.Grpc.Messages;

namespace LocalFunctionsHost.Invocation;

/// <summary>What a trigger hands to <see cref="FunctionInvoker"/>: the trigger's input and metadata.</summary>
internal sealed class InvocationContext
{
    public string InvocationId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>Shown in the "Executing" line, like the real host's trigger reason.</summary>
    public required string Reason { get; init; }

    public TypedData? TriggerInput { get; init; }

    public Dictionary<string, TypedData> TriggerMetadata { get; } = new(StringComparer.Ordinal);

    /// <summary>An incoming W3C traceparent to continue; a new trace is started without one.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }
}
