namespace OnePointEntry.Reports;

/// <summary>Statistics in one format, ready to send.</summary>
public sealed record RenderedStatistics(string ContentType, ReadOnlyMemory<byte> Content);
