using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace LocalFunctionsHost.SampleApp;

/// <summary>Queue-triggered functions; queue names come from app settings so that each test run uses its own queues.</summary>
public sealed class QueueFunctions
{
    /// <summary>Writes what it received (body and trigger metadata) to the output queue.</summary>
    [Function(nameof(ProcessQueue))]
    [QueueOutput("%SampleOutputQueue%")]
    public static string ProcessQueue([QueueTrigger("%SampleInputQueue%")] string body, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.BindingContext.BindingData;
        return JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["Body"] = body,
            ["Id"] = metadata.TryGetValue("Id", out var id) ? id?.ToString() : null,
            ["DequeueCount"] = metadata.TryGetValue("DequeueCount", out var count) ? count?.ToString() : null,
            ["PopReceipt"] = metadata.TryGetValue("PopReceipt", out var pop) ? pop?.ToString() : null,
            ["InsertionTime"] = metadata.TryGetValue("InsertionTime", out var inserted) ? inserted?.ToString() : null,
            ["ExpirationTime"] = metadata.TryGetValue("ExpirationTime", out var expires) ? expires?.ToString() : null,
            ["NextVisibleTime"] = metadata.TryGetValue("NextVisibleTime", out var visible) ? visible?.ToString() : null,
            ["QueueTrigger"] = metadata.TryGetValue("QueueTrigger", out var trigger) ? trigger?.ToString() : null,
        });
    }

    /// <summary>Always fails, so that its messages are retried and then poisoned.</summary>
    [Function(nameof(AlwaysFails))]
    public static void AlwaysFails([QueueTrigger("%SampleFailingQueue%")] string body) =>
        throw new InvalidOperationException($"AlwaysFails refuses '{body}'.");
}
