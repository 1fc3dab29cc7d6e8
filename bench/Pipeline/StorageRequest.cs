namespace OnePointEntry.Bench.Pipeline;

/// <summary>One request Azurite received, as its debug log records it.</summary>
/// <param name="TraceId">The W3C trace id of the request's <c>traceparent</c>, if it carried one.</param>
internal sealed record StorageRequest(DateTimeOffset At, string Service, string Method, string Url, string? TraceId, string? UserAgent);
