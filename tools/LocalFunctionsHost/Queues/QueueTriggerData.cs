using System.Text.Json;
using Google.Protobuf;
using LocalFunctionsHost.Grpc.Messages;
using LocalFunctionsHost.Invocation;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// The trigger input and metadata the real host passes for a queue message: the text, and
/// QueueTrigger, Id, PopReceipt (strings), DequeueCount and the times (JSON).
/// </summary>
internal static class QueueTriggerData
{
    public static InvocationContext Create(
        string queueName,
        string text,
        string messageId,
        string popReceipt,
        long dequeueCount,
        DateTimeOffset? insertedOn,
        DateTimeOffset? expiresOn,
        DateTimeOffset? nextVisibleOn,
        bool deferredBinding)
    {
        var input = deferredBinding
            // SDK-type parameters (QueueMessage) bind from a model the worker's queue extension parses.
            ? new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = "AzureStorageQueues",
                    ContentType = "application/json",
                    Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["MessageId"] = messageId,
                        ["PopReceipt"] = popReceipt,
                        ["MessageText"] = text,
                        ["DequeueCount"] = dequeueCount,
                        ["NextVisibleOn"] = nextVisibleOn,
                        ["InsertedOn"] = insertedOn,
                        ["ExpiresOn"] = expiresOn,
                    })),
                },
            }
            : new TypedData { String = text };
        var context = new InvocationContext
        {
            Reason = $"New queue message detected on '{queueName}'.",
            TriggerInput = input,
        };
        context.TriggerMetadata["QueueTrigger"] = new TypedData { String = text };
        context.TriggerMetadata["Id"] = new TypedData { String = messageId };
        context.TriggerMetadata["PopReceipt"] = new TypedData { String = popReceipt };
        context.TriggerMetadata["DequeueCount"] = new TypedData { Json = JsonSerializer.Serialize(dequeueCount) };
        AddTime(context, "InsertionTime", insertedOn);
        AddTime(context, "ExpirationTime", expiresOn);
        AddTime(context, "NextVisibleTime", nextVisibleOn);
        return context;
    }

    private static void AddTime(InvocationContext context, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            context.TriggerMetadata[name] = new TypedData { Json = JsonSerializer.Serialize(time) };
        }
    }
}
